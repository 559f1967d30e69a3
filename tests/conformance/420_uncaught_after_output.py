# Uncaught exception after lots of stdout output and some stderr output (ordering across streams).
import sys
for i in range(5):
    print("line", i)
sys.stderr.write("warning: about to fail\n")
print({"a": [1, 2]}["b"])
