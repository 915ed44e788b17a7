package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class DialogsTest {
  @Nested
  class OnH2 extends DialogsContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends DialogsContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
