-- #14: the claim that took a lane, so that a claim giving back what it took (it lost another lane of
-- its send to a concurrent claim) gives back only its own. It recognised its own by the moment the lane
-- held, a µs of a random millisecond: two claims racing for one lane chose the same moment about once in
-- a thousand races, and the loser gave back the winner's lane, taken by a third claim while the winner's
-- send was in flight (31 sends in a second, a 429, in ≈1 run of 5 of the pacing benchmark with six bots).
ALTER TABLE sending_lanes ADD COLUMN claim_token BIGINT NULL;
