//! One self-contained HTML page made from Trunk's output: it works from `file://`
//! and fetches nothing.
//!
//! Trunk's `index.html` has `<link rel="preload|modulepreload">` hints, one
//! `<link rel="stylesheet">` per CSS file, and a module script that imports the
//! wasm-bindgen glue and calls `init({ module_or_path: '/NAME_bg.wasm' })`. Here:
//! - the preload hints go: there is nothing left to fetch;
//! - each stylesheet becomes a `<style>` with its CSS;
//! - any other `<link>` to a file of dist (an icon) gets a `data:` URL;
//! - in the module script, the glue's URL becomes a `data:text/javascript;base64,` URL of
//!   the glue, byte for byte, so that it stays an ES module, minified or not, with its own
//!   scope. The wasm URL becomes the wasm bytes, decoded from base64 in the page:
//!   wasm-bindgen's `init` (0.2.130) hands bytes to `WebAssembly.instantiate`, and only
//!   fetches when given a string, `URL` or `Request`.
//!
//! Anything that still names a file of dist afterwards is an error, not a broken page.

use std::collections::BTreeMap;

/// The files at the top of dist, by name.
pub type Files = BTreeMap<String, Vec<u8>>;

/// The single page for Trunk's `html`, given the files of dist and the name of the
/// wasm file (`NAME_bg.wasm`, whose glue is `NAME.js`).
pub fn inline(html: &str, files: &Files, wasm: &str) -> Result<String, String> {
    let js = glue_name(wasm)?;
    for name in [wasm, js.as_str()] {
        if !files.contains_key(name) {
            return Err(format!("{name} is not in dist"));
        }
    }
    let mut out = String::with_capacity(html.len() + files.values().map(Vec::len).sum::<usize>());
    let mut loaders = 0;
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let consumed = if tail.starts_with("<!--") {
            let end = tail.find("-->").map_or(tail.len(), |e| e + 3);
            out.push_str(&tail[..end]);
            end
        } else if let Some(tag) = open_tag(tail, "link") {
            out.push_str(&rewrite_link(&tail[..tag.len], &tag, files)?);
            tag.len
        } else if let Some(tag) = open_tag(tail, "script") {
            let end =
                tag.len + find_ascii_ci(&tail[tag.len..], "</script").ok_or("unclosed <script>")?;
            let body = &tail[tag.len..end];
            out.push_str(&tail[..tag.len]);
            if body.contains(js.as_str()) {
                loaders += 1;
                out.push_str(&rewrite_loader(body, files, wasm, &js)?);
            } else {
                out.push_str(body);
            }
            end
        } else {
            out.push('<');
            1
        };
        rest = &tail[consumed..];
    }
    out.push_str(rest);
    if loaders != 1 {
        return Err(format!("expected one <script> that imports {js}, found {loaders}"));
    }
    let left: Vec<&str> = files.keys().map(String::as_str).filter(|n| out.contains(n)).collect();
    if !left.is_empty() {
        return Err(format!("the single file would still load {}", left.join(", ")));
    }
    Ok(out)
}

/// `page` with each catalogue of dist (`locale-<lang>-<area>.ftl`) inlined before `</head>`
/// as `<script type="application/x-fluent" id="certchain-locale-<lang>-<area>">`, where the
/// app looks for it before fetching (`frontend/src/infra/catalogues.rs`); not in the body,
/// whose children Yew replaces when it mounts the app. A script of an
/// unknown type is never run; its text ends only at `</script` (HTML §13.2.5.4), which a
/// catalogue therefore may not hold.
pub fn with_catalogues(page: &str, files: &Files) -> Result<String, String> {
    let mut scripts = String::new();
    for (name, bytes) in files {
        let Some(stem) = name.strip_prefix("locale-").and_then(|n| n.strip_suffix(".ftl")) else {
            continue;
        };
        let text = std::str::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))?;
        if find_ascii_ci(text, "</script").is_some() || text.contains("<!--") {
            return Err(format!("{name} contains `</script` or `<!--`, which cannot be inlined"));
        }
        scripts.push_str(&format!(
            "<script type=\"application/x-fluent\" id=\"certchain-locale-{stem}\">{text}</script>\n"
        ));
    }
    let head_end =
        find_ascii_ci(page, "</head").ok_or("no </head> to put the catalogues before")?;
    Ok(format!("{}{scripts}{}", &page[..head_end], &page[head_end..]))
}

/// `NAME.js` for `NAME_bg.wasm`.
fn glue_name(wasm: &str) -> Result<String, String> {
    wasm.strip_suffix("_bg.wasm")
        .map(|stem| format!("{stem}.js"))
        .ok_or_else(|| format!("{wasm}: expected a wasm-bindgen output named NAME_bg.wasm"))
}

/// An opening tag: its length in the text and its attributes (names lowercased,
/// values as written, `""` when absent).
struct Tag {
    len: usize,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// The opening tag `<NAME ...>` at the start of `text`, if it is one.
fn open_tag(text: &str, name: &str) -> Option<Tag> {
    let b = text.as_bytes();
    let mut i = 1 + name.len();
    if !b.get(1..i)?.eq_ignore_ascii_case(name.as_bytes())
        || !(b.get(i)?.is_ascii_whitespace() || matches!(b[i], b'/' | b'>'))
    {
        return None;
    }
    let mut attrs = Vec::new();
    loop {
        while b.get(i)?.is_ascii_whitespace() || b[i] == b'/' {
            i += 1;
        }
        if b[i] == b'>' {
            return Some(Tag { len: i + 1, attrs });
        }
        let start = i;
        while !(b.get(i)?.is_ascii_whitespace() || matches!(b[i], b'=' | b'>' | b'/')) {
            i += 1;
        }
        let attr = text[start..i].to_ascii_lowercase();
        let mut j = i;
        while b.get(j)?.is_ascii_whitespace() {
            j += 1;
        }
        let mut value = "";
        if b[j] == b'=' {
            j += 1;
            while b.get(j)?.is_ascii_whitespace() {
                j += 1;
            }
            if matches!(b[j], b'"' | b'\'') {
                let end = j + 1 + text[j + 1..].find(char::from(b[j]))?;
                value = &text[j + 1..end];
                i = end + 1;
            } else {
                let start = j;
                while !(b.get(j)?.is_ascii_whitespace() || b[j] == b'>') {
                    j += 1;
                }
                value = &text[start..j];
                i = j;
            }
        }
        attrs.push((attr, value.to_string()));
    }
}

/// A `<link>` without its preload hint, stylesheet or other file of dist.
fn rewrite_link(text: &str, tag: &Tag, files: &Files) -> Result<String, String> {
    let Some((name, bytes)) = tag.attr("href").and_then(|href| dist_file(href, files)) else {
        return Ok(text.to_string());
    };
    let rel = tag.attr("rel").unwrap_or_default().to_ascii_lowercase();
    let rel: Vec<&str> = rel.split_ascii_whitespace().collect();
    if rel.contains(&"preload") || rel.contains(&"modulepreload") {
        return Ok(String::new());
    }
    if rel.contains(&"stylesheet") {
        let css = std::str::from_utf8(bytes).map_err(|e| format!("{name}: {e}"))?;
        if find_ascii_ci(css, "</style").is_some() {
            return Err(format!("{name} contains `</style`, which cannot be inlined"));
        }
        return Ok(format!("<style>{css}</style>"));
    }
    let mut link = String::from("<link");
    for (attr, value) in &tag.attrs {
        let value = if attr == "href" { data_url(name, bytes) } else { value.clone() };
        let quote = if value.contains('"') { '\'' } else { '"' };
        link.push_str(&format!(" {attr}={quote}{value}{quote}"));
    }
    link.push('>');
    Ok(link)
}

/// The file of dist that `href` points to (`/app/x.css?v=1` -> `x.css`).
fn dist_file<'a>(href: &str, files: &'a Files) -> Option<(&'a str, &'a [u8])> {
    if href.starts_with("data:") {
        return None;
    }
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let name = path.rsplit('/').next().unwrap_or_default();
    files.get_key_value(name).map(|(n, b)| (n.as_str(), b.as_slice()))
}

fn data_url(name: &str, bytes: &[u8]) -> String {
    let ext = name.rsplit('.').next().unwrap_or_default().to_ascii_lowercase();
    let mime = match ext.as_str() {
        "ico" => "image/x-icon",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "json" | "webmanifest" => "application/manifest+json",
        "css" => "text/css",
        "js" => "text/javascript",
        _ => "application/octet-stream",
    };
    format!("data:{mime};base64,{}", base64(bytes))
}

/// Trunk's loader script with the glue and the wasm in place of their URLs.
fn rewrite_loader(body: &str, files: &Files, wasm: &str, js: &str) -> Result<String, String> {
    if body.contains("__trunkInitializer") {
        return Err("a data-initializer fetches the wasm itself: not supported here".into());
    }
    let glue = &files[js];
    if String::from_utf8_lossy(glue).contains("./snippets/") {
        return Err(format!("{js} imports files from snippets/: not supported here"));
    }
    let glue = format!("\"data:text/javascript;base64,{}\"", base64(glue));
    let bytes =
        format!("Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0))", base64(&files[wasm]));
    replace_literal(&replace_literal(body, js, &glue)?, wasm, &bytes)
}

/// `code` with the one string literal that contains `name` replaced by `with`.
fn replace_literal(code: &str, name: &str, with: &str) -> Result<String, String> {
    let hits: Vec<usize> = code.match_indices(name).map(|(at, _)| at).collect();
    let [at] = hits[..] else {
        return Err(format!("expected one `{name}` in the loader script, found {}", hits.len()));
    };
    let after = at + name.len();
    let bad = || format!("`{name}` is not in a one-line string literal of the loader script");
    let open = code[..at].rfind(['\'', '"', '`', '\n']).ok_or_else(bad)?;
    let quote = code[open..].chars().next().filter(|q| *q != '\n').ok_or_else(bad)?;
    let close = after + code[after..].find([quote, '\n']).ok_or_else(bad)?;
    if !code[close..].starts_with(quote) {
        return Err(bad());
    }
    Ok(format!("{}{with}{}", &code[..open], &code[close + 1..]))
}

/// Where `needle` (ASCII, lowercase) first occurs in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(needle)
}

/// Standard base64, with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = byte(0) << 16 | byte(1) << 8 | byte(2);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk 0.21.14 writes for `<link data-trunk rel="css">` and `rel="rust"`.
    const TRUNK_HTML: &str = r#"<!DOCTYPE html><html lang="en"><head>
    <meta charset="utf-8">
    <title>probe</title>
    <link rel="stylesheet" href="/style-1a2b.css" integrity="sha384-AAA"/>
<link rel="modulepreload" href="/app-9f8e.js" crossorigin="anonymous" integrity="sha384-BBB"><link rel="preload" href="/app-9f8e_bg.wasm" crossorigin="anonymous" integrity="sha384-CCC" as="fetch" type="application/wasm"></head>
  <body>
<script type="module">
import init, * as bindings from '/app-9f8e.js';
const wasm = await init({ module_or_path: '/app-9f8e_bg.wasm' });

window.wasmBindings = bindings;

dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script></body></html>"#;

    const GLUE: &str = "let wasm;\nexport default function __wbg_init() {}\n";
    const WASM: &[u8] = b"\0asm\x01\0\0\0";

    fn files() -> Files {
        let mut files = Files::new();
        files.insert("app-9f8e.js".into(), GLUE.as_bytes().to_vec());
        files.insert("app-9f8e_bg.wasm".into(), WASM.to_vec());
        files.insert("style-1a2b.css".into(), b"body { color: red; }".to_vec());
        files
    }

    #[test]
    fn inlines_css_glue_and_wasm_and_drops_preloads() -> Result<(), String> {
        let page = inline(TRUNK_HTML, &files(), "app-9f8e_bg.wasm")?;
        assert!(page.contains("<style>body { color: red; }</style>"), "{page}");
        assert!(!page.contains("preload"), "{page}");
        assert!(!page.contains("integrity"), "{page}");
        let glue = format!(
            "import init, * as bindings from \"data:text/javascript;base64,{}\";",
            base64(GLUE.as_bytes())
        );
        assert!(page.contains(&glue), "{page}");
        let wasm = "init({ module_or_path: Uint8Array.from(atob(\"AGFzbQEAAAA=\"), (c) => c.charCodeAt(0)) })";
        assert!(page.contains(wasm), "{page}");
        assert!(page.contains("TrunkApplicationStarted"), "{page}");
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</script></body></html>"));
        Ok(())
    }

    #[test]
    fn catalogues_are_inlined_before_the_head_ends_and_a_closing_script_refused(
    ) -> Result<(), String> {
        let mut files = files();
        files.insert("locale-ja-web.ftl".into(), "web-tagline = 証明書\n".as_bytes().to_vec());
        let page = with_catalogues(TRUNK_HTML, &files)?;
        let script = "<script type=\"application/x-fluent\" id=\"certchain-locale-ja-web\">web-tagline = 証明書\n</script>\n</head>";
        assert!(page.contains(script), "{page}");
        assert_eq!(page.matches("certchain-locale-").count(), 1, "only catalogues are inlined");
        files.insert("locale-ja-x.ftl".into(), b"a = </SCRIPT><script>alert(1)".to_vec());
        assert!(with_catalogues(TRUNK_HTML, &files).is_err_and(|e| e.contains("locale-ja-x.ftl")));
        Ok(())
    }

    #[test]
    fn reads_minified_html() -> Result<(), String> {
        let html = "<!doctype html><html><head><link href=/style-1a2b.css rel=stylesheet>\
            <link as=fetch crossorigin href=/app-9f8e_bg.wasm rel=preload type=application/wasm>\
            <LINK HREF=./app-9f8e.js REL=modulepreload></head><body>\
            <script type=module>import init,*as bindings from\"./app-9f8e.js\";\
            const wasm=await init({module_or_path:\"./app-9f8e_bg.wasm\"});</script>";
        let page = inline(html, &files(), "app-9f8e_bg.wasm")?;
        assert_eq!(
            page,
            format!(
                "<!doctype html><html><head><style>body {{ color: red; }}</style></head><body>\
                 <script type=module>import init,*as bindings from\"data:text/javascript;base64,{}\";\
                 const wasm=await init({{module_or_path:Uint8Array.from(atob(\"AGFzbQEAAAA=\"), \
                 (c) => c.charCodeAt(0))}});</script>",
                base64(GLUE.as_bytes())
            )
        );
        Ok(())
    }

    #[test]
    fn other_links_to_dist_get_data_urls() -> Result<(), String> {
        let mut files = files();
        files.insert("favicon-77.ico".into(), vec![0, 0, 1, 0]);
        let html = TRUNK_HTML.replace("<title>", r#"<link rel="icon" href="/favicon-77.ico"><link rel="help" href="https://example.invalid/x.css"><title>"#);
        let page = inline(&html, &files, "app-9f8e_bg.wasm")?;
        assert!(
            page.contains(r#"<link rel="icon" href="data:image/x-icon;base64,AAABAA==">"#),
            "{page}"
        );
        assert!(
            page.contains(r#"<link rel="help" href="https://example.invalid/x.css">"#),
            "{page}"
        );
        Ok(())
    }

    #[test]
    fn leaves_other_scripts_and_comments_alone() -> Result<(), String> {
        let extra = "<!-- <link rel=preload href=/app-9f8e.js> --><script>const s = '<link rel=x>';</script>";
        let html = TRUNK_HTML.replace("<body>", &format!("<body>{extra}"));
        let page = inline(&html, &files(), "app-9f8e_bg.wasm");
        // The comment still names the glue: the page would not be self-contained.
        assert_eq!(page, Err("the single file would still load app-9f8e.js".to_string()));
        let html = TRUNK_HTML.replace("<body>", "<body><script>const s = '<link rel=x>';</script>");
        assert!(inline(&html, &files(), "app-9f8e_bg.wasm")?
            .contains("<script>const s = '<link rel=x>';</script>"));
        Ok(())
    }

    #[test]
    fn refuses_what_it_cannot_inline() {
        let wasm = "app-9f8e_bg.wasm";
        let no_loader = TRUNK_HTML.replace("/app-9f8e.js'", "/other.js'");
        assert!(inline(&no_loader, &files(), wasm).is_err_and(|e| e.contains("one <script>")));
        let initializer =
            TRUNK_HTML.replace("const wasm", "const wasm = await __trunkInitializer(init);");
        assert!(inline(&initializer, &files(), wasm).is_err_and(|e| e.contains("data-initializer")));
        let mut bad_css = files();
        bad_css.insert("style-1a2b.css".into(), b"a::after { content: '</STYLE>' }".to_vec());
        assert!(inline(TRUNK_HTML, &bad_css, wasm).is_err_and(|e| e.contains("</style")));
        let mut snippets = files();
        snippets
            .insert("app-9f8e.js".into(), b"import { f } from './snippets/x/inline0.js';".to_vec());
        assert!(inline(TRUNK_HTML, &snippets, wasm).is_err_and(|e| e.contains("snippets")));
        assert!(inline(TRUNK_HTML, &files(), "app.wasm").is_err_and(|e| e.contains("NAME_bg.wasm")));
    }

    #[test]
    fn replaces_only_a_whole_string_literal() {
        assert_eq!(replace_literal("f('/a/x.js', 1)", "x.js", "B"), Ok("f(B, 1)".to_string()));
        assert_eq!(replace_literal("f(`x.js`)", "x.js", "B"), Ok("f(B)".to_string()));
        assert!(replace_literal("f(x.js)", "x.js", "B").is_err());
        assert!(replace_literal("f('x.js\n')", "x.js", "B").is_err());
        assert!(replace_literal("f('x.js', 'x.js')", "x.js", "B").is_err());
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }
}
