# Exit status is taken modulo 256 by the OS: sys.exit(256 + 7) gives 7.
import sys
sys.stdout.write("bye\n")
sys.exit(263)
