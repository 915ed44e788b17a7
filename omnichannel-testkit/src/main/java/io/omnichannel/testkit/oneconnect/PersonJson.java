package io.omnichannel.testkit.oneconnect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The person object of subscribers and specialists (oneconnect-api.md §5): every value a string,
 * {@code ""} when the emulator does not know it, never null; {@code avatar_small_url} is present in
 * lists and absent on single-object answers ({@link #single}).
 */
final class PersonJson {
  private PersonJson() {}

  static Map<String, Object> of(ClientUser user) {
    return person(
        user.id(), user.name(), user.surname(), user.patronymic(), user.phone(), user.email());
  }

  static Map<String, Object> of(Specialist specialist) {
    return person(specialist.id(), specialist.name(), specialist.surname(), null, null, null);
  }

  /** The same person as a single-object answer: without {@code avatar_small_url}. */
  static Map<String, Object> single(Map<String, Object> person) {
    Map<String, Object> json = new LinkedHashMap<>(person);
    json.remove("avatar_small_url");
    return json;
  }

  private static Map<String, Object> person(
      String id, String name, String surname, String patronymic, String phone, String email) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("user_id", id);
    json.put("name", text(name));
    json.put("surname", text(surname));
    json.put("patronymic", text(patronymic));
    json.put("avatar_url", "");
    json.put("avatar_small_url", "");
    json.put("post", "");
    json.put("phone", text(phone));
    json.put("email", text(email));
    return json;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
