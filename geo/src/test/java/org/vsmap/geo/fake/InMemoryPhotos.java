package org.vsmap.geo.fake;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Photos;

/**
 * The {@link Photos} port over maps a test fills: photos by id and their bytes. A station's gallery
 * holds its own photos; the gallery rules across activities are the store's (StoreContract).
 */
public final class InMemoryPhotos implements Photos {
  public final Map<String, Photo> photos = new LinkedHashMap<>();
  public final Map<String, Images> images = new LinkedHashMap<>();

  /** Adds a photo with the given bytes as every size. */
  public Photo add(Photo photo, byte[] jpeg) {
    photos.put(photo.id(), photo);
    images.put(photo.id(), new Images(jpeg, jpeg, jpeg, photo.width(), photo.height()));
    return photo;
  }

  @Override
  public List<Photo> gallery(Kind kind, String id, int limit) {
    return photos.values().stream()
        .filter(p -> p.kind() == kind && p.subjectId().equals(id))
        .sorted(Comparator.comparing(Photo::uploadedAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<Photo> photo(String id) {
    return Optional.ofNullable(photos.get(id));
  }

  @Override
  public Optional<byte[]> image(String id, Size size) {
    return Optional.ofNullable(images.get(id)).map(i -> i.of(size));
  }
}
