# Uncaught exception whose message spans several lines.
problems = ["line one", "line two", "line three"]
raise RuntimeError("several problems:\n" + "\n".join(problems))
