package io.omnichannel.testkit.oneconnect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The person object of subscribers and specialists; fields the emulator does not model are null.
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

  private static Map<String, Object> person(
      String id, String name, String surname, String patronymic, String phone, String email) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("user_id", id);
    json.put("name", name);
    json.put("surname", surname);
    json.put("patronymic", patronymic);
    json.put("avatar_url", null);
    json.put("avatar_small_url", null);
    json.put("post", null);
    json.put("phone", phone);
    json.put("email", email);
    return json;
  }
}
