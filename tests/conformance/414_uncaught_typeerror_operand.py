# Uncaught TypeError from an unsupported operand between int and str.
count = 5
label = "items: "
print(label + str(count))
print(label + count)
