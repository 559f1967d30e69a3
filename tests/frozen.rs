//! The frozen standard library (`stdlib/frozen.rs`, `vm/marshal.rs`): every
//! module's bytecode survives encoding exactly, and programs importing the
//! standard library behave the same (output, tracebacks with source lines)
//! whether its modules are decoded from a blob or compiled from source.

use spindle::host::native::NativeHost;
use spindle::stdlib::{frozen, pymods};
use spindle::vm::code::{Code, Source};
use spindle::vm::marshal;
use spindle::vm::value::Value;
use spindle::{run_source, RunOptions};
use std::sync::Arc;

fn compile(name: &str, src: &str) -> Arc<Code> {
    spindle::syntax::compile_source(src, &frozen::filename(name)).unwrap_or_else(|_| panic!("{name}: SyntaxError"))
}

/// Every code object of `c`, depth first.
fn all_codes(c: &Arc<Code>, out: &mut Vec<Arc<Code>>) {
    out.push(c.clone());
    for v in &c.consts {
        if let Some(spindle::vm::value::Payload::Code(inner)) = v.payload() {
            all_codes(inner, out);
        }
    }
}

#[test]
fn every_module_round_trips() {
    let mut total = 0;
    for (name, src) in pymods::all() {
        let code = compile(name, src);
        let data = marshal::dump(&code, src).unwrap_or_else(|e| panic!("{name}: {e}"));
        total += data.len();
        let back = marshal::load(&data, Arc::new(Source::new(src))).unwrap_or_else(|| panic!("{name}: does not decode"));
        // Every field, the full line/column table, constants recursively.
        assert_eq!(marshal::describe(&back), marshal::describe(&code), "{name}");
        // And the listing `spindle --dis` prints.
        assert_eq!(spindle::vm::code::disassemble(&back), spindle::vm::code::disassemble(&code), "{name}");
        // Source lines for tracebacks, the same in every nested code object.
        let (mut a, mut b) = (Vec::new(), Vec::new());
        all_codes(&code, &mut a);
        all_codes(&back, &mut b);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.source.text(), y.source.text(), "{name}: {}", x.qualname);
            assert!(Arc::ptr_eq(&y.source, &b[0].source), "{name}: one source per module");
            for n in &y.names {
                assert!(n.is(&spindle::vm::intern(n.as_str().unwrap())), "{name}: names are interned");
            }
        }
        // Encoding is deterministic.
        assert_eq!(marshal::dump(&back, src).unwrap(), data, "{name}");
        // Truncated data is refused, never a panic.
        for cut in [0, 1, data.len() / 3, data.len() / 2, data.len() - 1] {
            assert!(marshal::load(&data[..cut], Arc::new(Source::new(src))).is_none(), "{name}: cut at {cut}");
        }
    }
    assert!(total > 0);
}

#[test]
fn unsupported_constants_are_refused() {
    let code = compile("t", "x = 1\n");
    let mut weird = Code {
        name: code.name.clone(),
        qualname: code.qualname.clone(),
        filename: code.filename.clone(),
        first_line: 1,
        instrs: code.instrs.clone(),
        locs: code.locs.clone(),
        consts: code.consts.clone(),
        names: code.names.clone(),
        varnames: vec![],
        cellvars: vec![],
        freevars: vec![],
        cell_args: vec![],
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: code.flags,
        source: code.source.clone(),
        stacksize: 16,
        simple: code.simple,
        attr_hints: spindle::vm::code::attr_hints(code.instrs.len()),
    };
    weird.consts.push(Value::list(vec![]));
    assert!(marshal::dump(&weird, "x = 1\n").is_err());
}

fn run(src: &str) -> (String, String) {
    let host = Arc::new(NativeHost::capturing());
    let opts = RunOptions { filename: "/tmp/prog.py".into(), ..Default::default() };
    run_source(src, &opts, host.clone());
    host.captured()
}

const PROGRAM: &str = r#"
import asyncio, multiprocessing, concurrent.futures, threading, queue, json, collections, functools, itertools, dataclasses
async def main():
    r = await asyncio.gather(*(asyncio.sleep(0, i) for i in range(3)))
    return r
print(asyncio.run(main()))
with concurrent.futures.ThreadPoolExecutor(2) as ex:
    print(list(ex.map(lambda x: x * x, range(5))))
q = queue.Queue()
t = threading.Thread(target=q.put, args=(42,))
t.start(); t.join()
print(q.get(), json.dumps({"a": [1, 2.5, None]}), collections.Counter("abca").most_common(1))
print(functools.reduce(lambda a, b: a + b, itertools.chain([1], [2, 3])))
@dataclasses.dataclass
class P:
    x: int
    y: int = 2
print(P(1), multiprocessing.cpu_count() > 0)
"#;

const TRACEBACK: &str = "import json\n\ndef f():\n    return json.loads('{bad')\n\nf()\n";

/// One test, because it switches the process-wide frozen state.
#[test]
fn programs_run_the_same_from_the_blob() {
    let blob = frozen::freeze().expect("freeze");
    let err = frozen::install(b"SPNDLFRZ not a blob".to_vec()).expect_err("junk is refused");
    assert!(err.contains("not a Spindle standard library blob"), "{err}");
    assert!(!frozen::available());
    assert!(frozen::install(blob).expect("a stdlib blob"), "a blob was installed before this test");
    assert!(frozen::available());

    frozen::set_enabled(false);
    let compiled = (run(PROGRAM), run(TRACEBACK));
    assert_eq!(frozen::loads(), 0);

    frozen::set_enabled(true);
    let before = frozen::loads();
    let program = run(PROGRAM);
    let loaded = frozen::loads() - before;
    assert!(loaded >= 10, "only {loaded} modules came from the blob");
    let traceback = run(TRACEBACK);

    assert_eq!(program, compiled.0);
    assert_eq!(program.1, "", "stderr: {}", program.1);
    assert!(program.0.starts_with("[0, 1, 2]\n[0, 1, 4, 9, 16]\n42 {\"a\": [1, 2.5, null]} [('a', 2)]\n6\nP(x=1, y=2) True\n"), "{}", program.0);

    // The traceback through json shows its frames with their source lines.
    assert_eq!(traceback, compiled.1);
    let err = &traceback.1;
    let lines: Vec<&str> = err.lines().collect();
    let at = lines.iter().position(|l| l.starts_with("  File \"<frozen json>\"")).unwrap_or_else(|| panic!("{err}"));
    assert!(lines[at + 1].starts_with("    ") && lines[at + 1].contains("return cls(**kw).decode(s)"), "{err}");
    assert!(err.ends_with("json.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\n"), "{err}");
}
