package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class GroupCommitTest {
  @Nested
  class OnH2 extends GroupCommitContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends GroupCommitContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
