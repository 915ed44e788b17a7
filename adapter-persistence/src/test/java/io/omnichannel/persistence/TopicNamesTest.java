package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class TopicNamesTest {
  @Nested
  class OnH2 extends TopicNamesContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends TopicNamesContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
