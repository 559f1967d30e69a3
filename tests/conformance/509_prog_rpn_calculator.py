# Program: tokenizer + shunting-yard + RPN evaluator over ints/floats with error reporting.
def tokenize(s):
    toks, num = [], ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            toks.append(float(num) if "." in num else int(num))
            num = ""
        if ch in "+-*/()^%":
            toks.append(ch)
        elif not ch.isspace():
            raise SyntaxError(f"bad character {ch!r}")
    if num:
        toks.append(float(num) if "." in num else int(num))
    return toks
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
def to_rpn(toks):
    out, ops = [], []
    for t in toks:
        if isinstance(t, (int, float)):
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t != "^")):
                out.append(ops.pop())
            ops.append(t)
    return out + ops[::-1]
def evaluate(rpn):
    st = []
    for t in rpn:
        if isinstance(t, (int, float)):
            st.append(t)
        else:
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else float("nan"), "%": a % b if b else 0, "^": a ** b}[t] if t != "/" or b else a / b)
    return st[0]
for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 / 4", "7 % 3 + 0.5", "2 * (3 + 4) * (5 - 1)", "8 / 0", "1 $ 2"]:
    try:
        rpn = to_rpn(tokenize(expr))
        print(f"{expr:<22} rpn={' '.join(map(str, rpn)):<24} = {evaluate(rpn)}")
    except ZeroDivisionError as e:
        print(f"{expr:<22} ZeroDivisionError: {e}")
    except SyntaxError as e:
        print(f"{expr:<22} SyntaxError: {e}")
