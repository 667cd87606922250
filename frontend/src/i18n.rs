//! The page's own words, in English and Japanese. Report texts come from the core, which
//! carries both languages.

use certchain_core::report::Text;

/// A UI language.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// From a BCP 47 code or a browser language (`ja-JP` → Japanese).
    pub fn from_code(code: &str) -> Lang {
        if code.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// Pick the text of a core [`Text`], its hidden characters shown as escapes (report
    /// texts quote names from certificates).
    pub fn pick(self, text: &Text) -> String {
        crate::untrusted::shown(match self {
            Lang::En => &text.en,
            Lang::Ja => &text.ja,
        })
    }
}

/// The UI string for `key`. An unknown key shows itself, so a gap is visible, never blank.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    let (en, ja) = match key {
        "tagline" => (
            "Paste a TLS certificate chain: see it, fix it.",
            "TLS 証明書チェーンを貼り付けて、確認し、直す。",
        ),
        "privacy" => (
            "Analysed in your browser. Nothing is uploaded.",
            "解析はブラウザ内で行われ、何もアップロードされません。",
        ),
        "paste_label" => ("Certificate chain", "証明書チェーン"),
        "paste_hint" => (
            "PEM, s_client output, x509 -text, Kubernetes Secret…",
            "PEM、s_client の出力、x509 -text、Kubernetes Secret…",
        ),
        "host_label" => ("Host or URL clients connect to", "クライアントの接続先ホストまたは URL"),
        "host_invalid" => (
            "Not read as a host, so the host name is not checked:",
            "ホストとして読めないため、ホスト名は確認しません:",
        ),
        "as_of_label" => ("As of", "評価日"),
        "samples" => ("Try a sample:", "サンプル:"),
        "sample_s_client" => {
            ("s_client of a private-CA GitLab", "プライベート CA の GitLab (s_client)")
        }
        "sample_shuffled" => ("Shuffled chain", "順序の乱れたチェーン"),
        "sample_missing" => ("Leaf only (no -showcerts)", "リーフのみ (-showcerts なし)"),
        "sample_with_key" => ("Bundle with a private key", "秘密鍵入りのバンドル"),
        "empty" => (
            "Paste a chain above, or try a sample.",
            "上にチェーンを貼り付けるか、サンプルを試してください。",
        ),
        "chain" => ("Chain", "チェーン"),
        "timeline" => ("Validity", "有効期間"),
        "now" => ("as of", "評価日"),
        "input_pos" => ("input", "入力"),
        "chain_pos" => ("chain", "チェーン"),
        "missing" => ("missing", "不足"),
        "findings" => ("Findings", "指摘事項"),
        "no_findings" => ("Nothing to fix.", "修正点はありません。"),
        "fix" => ("Fix", "対処"),
        "error_messages" => ("Error messages", "エラーメッセージ"),
        "meaning" => ("Meaning", "意味"),
        "cause" => ("Cause", "原因"),
        "use_snippets" => ("Snippets", "スニペット"),
        "files" => ("Files", "ファイル"),
        "download" => ("Download", "ダウンロード"),
        "copy" => ("Copy", "コピー"),
        "dangerous" => ("Insecure: last resort", "危険: 最後の手段"),
        "certificates" => ("Certificates", "証明書"),
        "subject" => ("Subject", "サブジェクト"),
        "issuer" => ("Issuer", "発行者"),
        "validity" => ("Valid", "有効期間"),
        "key" => ("Key", "鍵"),
        "signature" => ("Signature", "署名"),
        "sans" => ("Names (SAN)", "名前 (SAN)"),
        "serial" => ("Serial", "シリアル"),
        "days_left" => ("days left", "日"),
        "error" => ("error", "エラー"),
        "warning" => ("warning", "警告"),
        "info" => ("info", "情報"),
        "drop_hint" => (
            "Paste, type, or drop files here (.pem .crt .cer .der .p7b).",
            "貼り付け・入力、またはファイルをここにドロップ (.pem .crt .cer .der .p7b)。",
        ),
        "open_files" => ("Open files…", "ファイルを開く…"),
        "binary_files" => ("Binary files in use", "使用中のバイナリファイル"),
        "clear_files" => ("Remove files", "ファイルを外す"),
        "copy_link" => ("Copy link to this analysis", "この解析へのリンクをコピー"),
        "link_note" => (
            "The input goes in the part after #, which browsers never send. Private keys are left out.",
            "入力は # 以降に入り、ブラウザはこれを送信しません。秘密鍵は含めません。",
        ),
        "link_copied" => (
            "Link copied. Anyone with it sees this input.",
            "リンクをコピーしました。受け取った人はこの入力を見られます。",
        ),
        "link_left_out" => ("Left out of the link:", "リンクから除外したもの:"),
        "link_left_keys" => ("private keys", "秘密鍵"),
        "link_left_secrets" => (
            "passwords and tokens (masked as ***)",
            "パスワードとトークン (*** に置き換え)",
        ),
        "link_left_files" => (
            "files that are not only certificates",
            "証明書だけではないファイル",
        ),
        "results" => ("Results", "結果"),
        "snippets" => ("Configuration", "設定例"),
        "trust_label" => ("Trusted private CA (optional)", "信頼するプライベート CA (任意)"),
        "trust_hint" => (
            "Paste your organisation's root certificate: it replaces the public roots, as `certchain analyze --trust` does.",
            "組織のルート証明書を貼り付けます。公開ルートの代わりに使われます (`certchain analyze --trust` と同じ)。",
        ),
        "trust_offer" => (
            "The chain ends at a private root. If it is your organisation's CA, trust it to check the rest: ",
            "チェーンはプライベートルートで終わっています。組織の CA であれば、信頼して残りを確認できます: ",
        ),
        "trust_root" => ("Trust this root", "このルートを信頼"),
        "sample_good" => ("Good chain (private CA trusted)", "正しいチェーン (プライベート CA を信頼)"),
        "sample_no_intermediate" => ("Missing intermediate", "中間証明書の不足"),
        _ => (key, key),
    };
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}
