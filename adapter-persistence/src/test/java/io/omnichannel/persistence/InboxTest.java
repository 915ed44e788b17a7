package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class InboxTest {
  @Nested
  class OnH2 extends InboxContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends InboxContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
