# Uncaught exceptions with an empty-string message print just the type name.
print("start")
raise ValueError("")
