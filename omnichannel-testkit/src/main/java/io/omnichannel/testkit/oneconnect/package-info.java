/**
 * An emulator of 1C-Connect for tests and the sandbox: the push REST API v1, a subset of the SOAP
 * service PartnerWebAPI2, and the hook events the service posts — a real HTTP server on loopback
 * that answers like the real service, errors included (see {@code docs/oneconnect-api.md}).
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * try (OneConnectEmulator oc = OneConnectEmulator.start(OneConnectEmulatorConfig.builder()
 *         .hookInitialBackoff(Duration.ofMillis(20)).build())) {
 *     Company acme = oc.world().addCompany("Acme", true);              // tariff option "external channels" on
 *     Line line = oc.world().addLine(acme.id(), "Support", LineAvailability.CLIENTS_AND_SPECIALISTS);
 *     Specialist ivan = oc.world().addSpecialist(acme.id(), "Ivan", "Petrov");
 *     oc.world().addApiAccount("bot", "secret", acme.id(), Map.of(line.id(), true));   // line → allow_bot
 *     // the adapter under test talks to oc.restBaseUrl() and oc.soapUrl() with Basic bot:secret …
 *     HookEvent sent = oc.scenario().specialistWrites(line.id(), userId, ivan.id(), "Hello");
 *     oc.inspection().awaitDelivery(d -> d.messageId().equals(sent.messageId()), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * Standalone: {@code java … io.omnichannel.testkit.oneconnect.OneConnectEmulatorMain --port 8091}.
 *
 * <h2>Surfaces</h2>
 *
 * <ul>
 *   <li>{@code /v1/…} — push API (a wrong login or password is 401 on every path, before routing):
 *       {@code GET line} (with {@code hook_bot} and {@code hook_line}), {@code POST hook}, {@code
 *       DELETE hook/{bot|line}/{line}} and {@code DELETE hook} (all of the account's), {@code POST
 *       line/send/message|file|image}, {@code line/drop/keyboard}, {@code line/appoint/start|spec},
 *       {@code line/drop/treatment}, {@code GET
 *       line/treatment|subscriptions|subscribers|subscriber/{id}|
 *       specialists|specialist/{id}|specialists/{line}/available|competences}; both slash forms on
 *       {@code /v1/line…} and {@code /v1/hook…}; {@code GET /v1/ticket/{id}} answers 301 to the
 *       slashed form. Assumed (§4): {@code POST line/receive/message|file|image}, {@code GET
 *       company/options}; {@code GET file/{id}/} serves stored files ({@code HEAD} gives their size
 *       without the body). Assumed partner level (not in the public API; only accounts granted with
 *       {@link io.omnichannel.testkit.oneconnect.OneConnectWorld#grantPartnerAccess}): {@code GET
 *       partner/specialist/{user_id}/}, {@code partner/company/{company_id}/lines/} (with {@code
 *       availability}), {@code partner/company/{company_id}/options/}; see {@code
 *       PartnerEndpoints}.
 *   <li>{@code /cus/ws/PartnerWebAPI2} — SOAP 1.1 and 1.2 in either content-type style, answered in
 *       the version asked; {@code GET ?wsdl} the WSDL with both bindings; operations and their
 *       property names are listed in {@link io.omnichannel.testkit.oneconnect.SoapPropertyNames}.
 *       Person objects hold strings only ({@code ""} when unknown); {@code avatar_small_url} is
 *       left out of single-object answers.
 *   <li>{@code /_emulator/oneconnect/…} — control API, snake_case JSON: {@code GET world}, {@code
 *       POST companies}, {@code companies/{id}/external-channels {active}}, {@code lines}, {@code
 *       specialists}, {@code api-accounts {login,password,company_id,line_allow_bot}}, {@code
 *       api-accounts/{login}/partner} (partner-level access), {@code clients}, {@code
 *       client-users}, {@code client-users/{u}/lines/{l}} (enable), {@code …/ban} (POST ban, DELETE
 *       unban); {@code POST
 *       scenario/specialist-message|specialist-file|broadcast|drop-keyboard|user-message|
 *       management-message|event}; {@code GET hooks}; {@code GET
 *       requests|transcript?line_id&user_id|events|deliveries} with optional {@code min_count} and
 *       {@code timeout_ms} (200 when reached, else 408); {@code POST reset}.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * 401 with an empty body and {@code WWW-Authenticate: Basic} for missing or wrong credentials; 400
 * {@code {"error"}} for a malformed request (including a multipart body whose parts are not exactly
 * {@code meta} as {@code application/json} and {@code file} with a filename, or an image that is
 * not {@code image/*}); 403 {@code {"error":"User is not a subscriber or never been online"}} for
 * sends to a user without the line; 403 {@code {"error":"Line is not available for this API
 * account"}} for another account's line; 403 with an empty body for ids the account may not read;
 * 404 {@code {"error":"Line not found"}}; receive calls add 403 {@code "External channels option is
 * not active"}, 403 {@code "Line is switched off for this user"} (ban), 404 {@code "User not
 * found"}, 413 {@code "File is too large"}. JSON answers carry exactly {@code Content-Type:
 * application/json; charset=utf-8}; commands answer 200 empty.
 *
 * <h2>Events</h2>
 *
 * One JSON object per POST to every matching hook (bot hooks of the line, line hooks of the line or
 * of all lines of their account), with the hook's back-auth as {@code Authorization: Basic …} or
 * {@code Bearer …}; the envelope ({@code event_type}, {@code event_source} = the hook's type) flat
 * beside the event's fields (oneconnect-api.md §5):
 *
 * <pre>{@code
 * {"event_type": "line", "event_source": "line"|"bot", "line_id": uuid, "user_id": uuid,
 *  "message_id": uuid, "message_type": 1, "author_id": uuid?, "treatment_id": uuid?,
 *  "message_time": "2024-02-12T05:53:48.123456Z", "text": "…", "data": {…}, "file": {…}?,
 *  "partner_notification": {…}?}
 * }</pre>
 *
 * {@code author_id} is absent on automatic events ({@link
 * io.omnichannel.testkit.oneconnect.OneConnectScenario#closesForInactivity}); {@code treatment_id}
 * is the chat's open treatment, absent outside one. Type 70 carries the File object {@code
 * {file_id, file_path, file_name, file_size, comment?}} (no MIME type; {@code file_path} needs
 * Basic auth of an API account of the line); type 2, a broadcast, carries {@code
 * partner_notification {id, theme, text, description_hint?, description_url?}}. {@code data} holds
 * (shapes chosen here, not confirmed): {@code keyboard} — a digital menu, {@code
 * [[{"id"?,"text"}]]}; {@code drop_keyboard: true} (with empty text) — the menu removed; anything
 * given to {@link io.omnichannel.testkit.oneconnect.OneConnectScenario#emit} (e.g. {@code redirect}
 * for 200). Line hooks also hear {@code subscription} events ({@code action} add/update/delete,
 * {@code subscription {service_id, service_user_id, activate_date, expires_date}}) when a user's
 * line is switched on or off (world, SOAP {@code UserServiceLine…}), {@code subscriber} events
 * ({@code action}, {@code user}) when a client user is added, edited or deleted, {@code
 * support_line} events ({@code action}, {@code line}) when a line is added or changed, and whatever
 * {@link io.omnichannel.testkit.oneconnect.OneConnectScenario#emitEvent} posts (e.g. {@code
 * competence}). A user's own message has {@code author_id == user_id}; a pressed button arrives as
 * its text. Messages posted through the receive calls are echoed per {@link
 * io.omnichannel.testkit.oneconnect.EchoMode} (default {@code LINE_HOOKS}). Failed deliveries (no
 * answer or non-2xx) are retried with doubling backoff up to {@code hookMaxAttempts}; each attempt
 * is a {@link io.omnichannel.testkit.oneconnect.DeliveryAttempt}. Each hook receives its events one
 * at a time, in the order they happened: a failing event holds later ones back until it is
 * delivered or given up (the real service's ordering is not published; this choice keeps tests
 * deterministic).
 *
 * <h2>Caps (bounded memory)</h2>
 *
 * Recorded requests 10 000 (bodies capped at 64 Ki chars; file parts keep only name/type/size),
 * transcript entries 1 000 per chat, events and delivery attempts 10 000 each, idempotency keys 100
 * 000, stored file bytes 64 MiB in total (least recently used evicted; their URLs then answer 404).
 * Oldest entries go first; every cap is in {@link
 * io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig}.
 *
 * <h2>Not emulated</h2>
 *
 * Treatment events are not raised by API calls or user messages (80/81/82/90 only via {@code
 * emit}); treatment assignment to the bot ({@code bot_scenario_point} is stored, not used); calls
 * (20/21); bot hooks receive every event of their line (the real split between bot and line hooks
 * is unknown); {@code general_settings} and {@code bot_as_spec} are validated, not acted on;
 * keyboards are not kept as chat state; tickets ({@code /v1/ticket/{id}/} answers 404); avatars,
 * posts, phones of specialists; {@code SpecialistRead ChangedFrom} filtering; SOAP operations other
 * than the listed ones (ServiceLineKindRead, Department…, GetOpenedServiceTreatments answer a
 * Fault); rate limits; the real service's exact 404 bodies; the JDK HttpClient's selector thread
 * lingers until garbage-collected after {@code close()} (Java 17 has no {@code HttpClient.close}).
 */
package io.omnichannel.testkit.oneconnect;
