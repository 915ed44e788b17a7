package io.omnichannel.archfixture.core.domain;

import io.omnichannel.archfixture.core.usecase.Relaying;

/** Breaks "the domain depends on no use case or port". */
public record DomainThatHoldsAUseCase(Relaying relaying) {}
