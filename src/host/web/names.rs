//! Unicode character names for "\N{...}" in the browser. The parser's name
//! tables (1.1 MB of wasm) are left out of the build (vendor/unicode_names2);
//! names made by rule (CJK, Hangul syllables...) are computed here, and the
//! rest come from pkg/unicode-names.txt (`NAME;HEX` lines, written by
//! scripts/build.sh), fetched the first time a program uses \N{...}.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Make ruff's parser use `lookup` (once per instance).
pub fn install() {
    unicode_names2::set_lookup(lookup);
}

/// Names whose suffix is the code point in hex.
const HEX_NAMED: [&str; 5] =
    ["CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-"];

const JAMO_L: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] =
    ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C",
    "K", "T", "P", "H",
];

fn lookup(name: &str) -> Option<char> {
    // Names match without regard to case, as in CPython.
    let name = name.to_ascii_uppercase();
    for prefix in HEX_NAMED {
        if let Some(hex) = name.strip_prefix(prefix) {
            return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
        }
    }
    if let Some(s) = name.strip_prefix("HANGUL SYLLABLE ") {
        for (l, lj) in JAMO_L.iter().enumerate() {
            let Some(rest) = s.strip_prefix(lj) else { continue };
            for (v, vj) in JAMO_V.iter().enumerate() {
                let Some(rest) = rest.strip_prefix(vj) else { continue };
                if let Some(t) = JAMO_T.iter().position(|tj| *tj == rest) {
                    return char::from_u32(0xAC00 + ((l * 21 + v) * 28 + t) as u32);
                }
            }
        }
        return None;
    }
    table().get(&name).copied()
}

fn table() -> &'static HashMap<String, char> {
    static TABLE: OnceLock<HashMap<String, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        let js = String::from(super::js::main_js_url());
        // The glue is pkg/<build>/spindle.js; the names file is pkg/unicode-names.txt.
        let Some(at) = js.rfind("/pkg/") else { return map };
        let r = super::js::fetch_sync(&format!("{}/pkg/unicode-names.txt", &js[..at]));
        let bytes = js_sys::Reflect::get(&r, &"bytes".into()).map(|b| js_sys::Uint8Array::new(&b).to_vec()).unwrap_or_default();
        for line in String::from_utf8_lossy(&bytes).lines() {
            if let Some((n, hex)) = line.split_once(';') {
                if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                    map.insert(n.to_string(), c);
                }
            }
        }
        map
    })
}
