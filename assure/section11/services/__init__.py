"""Every change to Section 11 records: cycles, answering a return, moderation, reminders."""
