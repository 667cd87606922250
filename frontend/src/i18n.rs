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

    /// Pick the text of a core [`Text`].
    pub fn pick(self, text: &Text) -> String {
        match self {
            Lang::En => text.en.clone(),
            Lang::Ja => text.ja.clone(),
        }
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
        "files" => ("Files", "ファイル"),
        "download" => ("Download", "ダウンロード"),
        "copy" => ("Copy", "コピー"),
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
        _ => (key, key),
    };
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}
