"""Forms of Section 11. They collect what was typed; the rules live in the services, whose
errors are shown against the fields they name."""
