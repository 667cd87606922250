# web: ja
# The web app's own words (frontend/src). The report's texts come from the other areas.
# Ids are `web-what-detail`; a missing id shows itself on the page, so a gap is visible.

## Header

web-tagline = TLS 証明書チェーンを貼り付けて、確認し、直す。
web-privacy = 解析はブラウザ内で行われ、何もアップロードされません。
# The language switch: its label and the languages' names are the same in every language
# (each name in its own language), so that a reader finds their own.
web-lang-group = Language / 言語
web-lang-en = English
web-lang-ja = 日本語

## Input

web-paste-label = 証明書チェーン
# Shown in the empty paste area, below an example PEM armor.
web-paste-hint = PEM、s_client の出力、x509 -text、Kubernetes Secret…
web-drop-hint = 貼り付け・入力、またはファイルをここにドロップ (.pem .crt .cer .der .p7b)。
web-open-files = ファイルを開く…
# Label of the list of binary files (DER, PKCS#7) in use.
web-binary-files = 使用中のバイナリファイル
web-clear-files = ファイルを外す
# One binary file in use, after its name; $bytes: its size in bytes.
web-file-size = { $bytes } B
web-host-label = クライアントの接続先ホストまたは URL
# $why: what is wrong with the host field (from the core, in English).
web-host-invalid = ホストとして読めないため、ホスト名は確認しません: { $why }
web-as-of-label = 評価日
web-trust-label = 信頼するプライベート CA (任意)
web-trust-hint = 組織のルート証明書を貼り付けます。公開ルートの代わりに使われます (`certchain analyze --trust` と同じ)。
# Label of the sample buttons, also their group's label for screen readers.
web-samples-label = サンプル:
web-sample-good = 正しいチェーン (プライベート CA を信頼)
web-sample-s-client = プライベート CA の GitLab (s_client)
web-sample-shuffled = 順序の乱れたチェーン
web-sample-no-intermediate = 中間証明書の不足
web-sample-missing = リーフのみ (-showcerts なし)
web-sample-with-key = 秘密鍵入りのバンドル

## Permalink

web-link-copy = この解析へのリンクをコピー
web-link-note = 入力は # 以降に入り、ブラウザはこれを送信しません。秘密鍵は含めません。
# $left_out: web-link-left-out, or nothing when the link left nothing out.
web-link-copied = リンクをコピーしました。受け取った人はこの入力を見られます。 { $left_out }
# $parts: the parts below that apply, joined by " · ".
web-link-left-out = リンクから除外したもの: { $parts }
# $count: how many private keys.
web-link-left-keys = 秘密鍵 { $count }
web-link-left-secrets = パスワードとトークン (*** に置き換え)
# $names: the files' names, joined by ", ".
web-link-left-files = 証明書だけではないファイル { $names }

## Results

web-results-label = 結果
web-empty = 上にチェーンを貼り付けるか、サンプルを試してください。
# Followed by the private root's subject and a button (web-trust-root).
web-trust-offer = チェーンはプライベートルートで終わっています。組織の CA であれば、信頼して残りを確認できます:{" "}
web-trust-root = このルートを信頼

## Chain diagram

web-chain-title = チェーン
web-role-leaf = リーフ
web-role-intermediate = 中間
web-role-root = ルート
web-role-ca = CA
# Where a certificate was in the input ($index, from 0) and where it is in the chain
# ($position, from 1).
web-chain-place = 入力 #{ $index } · チェーン { $position }
# $days: days until the certificate expires (negative once expired).
web-chain-days-left = { $days } 日
web-chain-end-public-root = 公的ルート(信頼済み)
web-chain-end-user-anchor = 指定のトラストアンカー
web-chain-end-missing = 不足

## Error messages and findings

web-error-messages-title = エラーメッセージ
# Where an error message was: $line in the input, $source the input's number (from 1)
# when there are several.
web-error-place = { $line } 行目
web-error-place-several = 入力 { $source } の { $line } 行目
web-label-meaning = 意味:
web-label-cause = 原因:
web-label-fix = 対処:
web-label-snippets = スニペット:
web-findings-title = 指摘事項
web-findings-none = 修正点はありません。
web-severity-error = エラー
web-severity-warning = 警告
web-severity-info = 情報

## Validity timeline

web-timeline-title = 有効期間
# Under the line that marks the date the chain is evaluated at.
web-timeline-now = 評価日

## Files and snippets

# The disclosure that shows a file's certificates as text.
web-bundle-pem = PEM
web-files-title = ファイル
web-download = ダウンロード
web-copy = コピー
web-snippets-title = 設定例
web-snippet-dangerous = 危険: 最後の手段

## Certificates

web-certificates-title = 証明書
# Before the "show all" button when a bundle has more certificates than shown.
web-certs-shown-first = { $total } 件中、入力順で最初の { $shown } 件を表示しています。
web-certs-show-all = { $total } 件すべて表示
web-cert-subject = サブジェクト
web-cert-issuer = 発行者
web-cert-validity = 有効期間
web-cert-key = 鍵
web-cert-signature = 署名
web-cert-sans = 名前 (SAN)
web-cert-serial = シリアル
# Fingerprints and key identifiers, by their usual abbreviations.
web-cert-sha256 = SHA-256
web-cert-sha1 = SHA-1
web-cert-ski = SKI
web-cert-aki = AKI
