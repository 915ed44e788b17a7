-- Issue 11: a confirmation link allows a few failed attempts at the API account, then it is burned
-- (the form must not be a way to guess passwords against 1C-Connect). An attempt is taken before
-- 1C-Connect is asked, and given back when the account was verified or no answer came.
ALTER TABLE confirmations ADD COLUMN failed_attempts INT NOT NULL DEFAULT 0;
