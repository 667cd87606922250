# input: ja
#
# 入力の読み取りについて: 入力の一部が使えなかった理由。理由は多くの場合、場所($at: 「12 行目」)、
# 対象($what: 「3 行目の CERTIFICATE ブロック(1234 バイトにデコード)」)、理由($why)を
# 組み合わせたもので、どれもこのファイルのメッセージ。

## 場所と対象。

input-line = { $line } 行目
# Kubernetes の値の中: $line はデコードしたテキストの行、$key は値のキー。
input-line-decoded = デコードした { $key } の { $line } 行目
# $bytes: デコードしたバイト数。
input-binary = { $bytes } バイトのバイナリ入力
input-base64-text = { $line } 行目の base64 テキスト({ $bytes } バイトにデコード)
input-secret-value = { $line } 行目の { $key } の値({ $bytes } バイトにデコード)
# $label: PEM のラベル(例: CERTIFICATE)。
input-pem-block = { $at }の { $label } ブロック({ $bytes } バイトにデコード)

## base64(b64.rs)。

input-base64-empty = 中身が空です
# $character: 引用符付きの文字(例: '!')。
input-base64-bad-character = { $at }に base64 ではない文字 { $character } があります
input-base64-data-after-padding = { $at }で '=' のパディングの後に base64 が続いています(2 つのブロックがつながっていませんか)
input-base64-truncated = base64 の末尾に余分な 1 文字があります。テキストが途中で切れています
input-base64-text-unreadable = { $line } 行目の base64 テキスト: { $why }
input-secret-value-not-base64 = { $line } 行目の { $key } の値が base64 ではありません: { $why }

## PEM のアーマー(pem.rs)。

input-pem-no-end = { $at }の BEGIN { $label } に対応する END 行がありません
# $begin、$end: BEGIN 行と END 行の場所。
input-pem-end-mismatch = { $begin }の BEGIN { $label } が、{ $end }の END { $end_label } で閉じられています
input-pem-block-unreadable = { $at }の { $label } ブロック: { $why }
# $error: pem クレートが返す理由(英語)。
input-pem-armor-undecodable = アーマーをデコードできません({ $error })

## 証明書ではないもの(pem.rs はラベルで、der.rs は構造で判定)。

# $kind: それが何か。$label: other-label のときの PEM のラベル。
input-not-a-certificate = { $kind ->
        [csr] 証明書ではなく証明書署名要求(CSR)です
        [crl] 証明書ではなく証明書失効リスト(CRL)です
        [public-key] 証明書ではなく公開鍵です
        [bare-public-key] 証明書ではなく公開鍵だけです
        [attribute-certificate] 公開鍵証明書ではなく属性証明書(RFC 5755)です
        [parameters] 証明書ではなく鍵交換または曲線のパラメーターです
        [pkcs12] 暗号化された PKCS#12 アーカイブ(.p12/.pfx)です。`openssl pkcs12 -in FILE -nokeys` で証明書を取り出し、その出力を貼り付けてください
       *[other-label] { $label } というラベルの PEM ブロックで、証明書ではありません
    }
# $container: マジックナンバーから分かるバイナリ入力の種類。
input-binary-container = { $container ->
        [jks] Java KeyStore (JKS) です。`keytool -exportcert -rfc -alias NAME -keystore FILE` で証明書を書き出し、その PEM を貼り付けてください
        [jceks] Java JCEKS キーストアです。`keytool -exportcert -rfc -alias NAME -keystore FILE -storetype JCEKS` で証明書を書き出してください
       *[zip] ZIP アーカイブです。展開して中の証明書ファイルを指定してください
    }

## DER と PKCS#7(der.rs、ber.rs、pkcs7.rs)。

input-der-unreadable = { $what }を読めません: { $why }
# $at: 全体が認識できなければ "start"、$offset バイト目以降($length バイト)なら "offset"。
# $first: 先頭のバイト($bytes、例: 0x30 0x82)を示すなら "shown"、入力が生の秘密鍵かもしれ
# なければ "hidden"。
input-der-unrecognised = { $what }{ $at ->
        [offset] のオフセット { $offset } からの { $length } バイト
       *[start] {""}
    }は DER の証明書でも PKCS#7 でもありません{ $first ->
        [shown] {" "}(先頭のバイト { $bytes })
       *[hidden] {""}
    }
input-pkcs7-empty = { $what }は証明書を含まない PKCS#7 です
input-pkcs7-unreadable = { $what }は読めない PKCS#7 です: { $why }
input-pkcs7-not-certificates = { $what }は PKCS#7 ですが、その証明書のリストに証明書ではない要素が { $amount ->
        [one] 1 個
       *[other] { $count } 個
    } あり、除きました。リストの中の長さが誤っているか、ファイルが壊れています。チェーンをもう一度エクスポートしてください
# PKCS#7 の各証明書のラベル($container: その PEM ラベル、または PKCS#7)。
input-pkcs7-certificate-label = { $container }、{ $total } 枚中 { $position } 枚目の証明書

input-ber-truncated-header = DER のヘッダーの途中で終わっています
input-ber-truncated-contents = 途中で切れています。DER のヘッダーは { $announced } バイトを示していますが、続くのは { $available } バイトだけです
input-ber-bad-length = DER の長さが不正です
input-ber-bad-tag = DER のタグが不正です
input-ber-too-deep = 不定長が { $depth } 段より深く入れ子になっています
input-ber-missing-end-of-contents = 不定長の終わりを示すマーカーがありません

input-pkcs7-not-content-info = PKCS#7 の ContentInfo ではありません
# $oid: 内容の種類(例: data (1.2.840.113549.1.7.1))。
input-pkcs7-not-signed-data = 内容の種類が { $oid } で、signedData (1.2.840.113549.1.7.2) ではありません。証明書のリストがありません
# $what: 欠けているか位置の違うフィールド。ASN.1 の用語のまま(英語、例: no version)。
input-pkcs7-malformed = SignedData の形式が不正です ({ $what })

## 入力についての注記(detect.rs、s_client.rs、x509_text.rs)。レポートの注記は今のところ
## 英語だけで表示される。

# $source: ファイル名、または input-unnamed-source。
input-note-empty = { $source } には何もありません
input-note-broken-armor = { $source } に読める証明書がありません。BEGIN CERTIFICATE の行はありますが、アーマーが不完全です(-----BEGIN CERTIFICATE----- だけの行、base64、-----END CERTIFICATE----- の順に必要です)
input-note-nothing-found = { $source } に証明書が見つかりません(-----BEGIN CERTIFICATE----- のブロックも、base64 も、s_client や openssl の出力もありません)
# ファイル名のない入力(標準入力、貼り付け)。$number は 1 から数える。
input-unnamed-source = 入力 #{ $number }
# $sent: サーバーが送った証明書の数。
input-note-without-showcerts = サーバーは { $sent } 枚の証明書を送りましたが、s_client の出力には最初の 1 枚しかありません。チェーン全体を取得するには -showcerts を付けて実行し直してください
input-note-noout = これは `openssl x509 -text -noout` の出力で、検査できる証明書のバイト列がありません。-noout を付けずにコマンドを実行し直してください(または .pem ファイルを貼り付けてください)。
input-note-dumps-without-pem = `openssl x509 -text` の出力が { $dumps } 個ありますが、PEM ブロックは { $blocks } 個だけです。-noout で作った出力には証明書のバイト列がないため、その証明書が欠けています

## 信頼する入力(--trust、Web アプリの信頼するプライベート CA): レポートの注記(今は英語
## だけが使われます。InputReport::notes)と、no_trusted_certificate が挙げる理由。

# $note: 信頼する入力について述べること。
input-trust-note = --trust: { $note }
# $count: 信頼ファイルから読んだ証明書の数。
input-trust-anchors = 公的ルートの代わりに { $count } 枚の証明書をトラストアンカーとして使います
# $line: 行; $file: 信頼ファイルの番号(1 から); $why: 無視した理由。
input-trust-line-ignored = 信頼ファイル { $file } の { $line } 行目を無視しました: { $why }
# $count: 信頼ファイル内の秘密鍵の数。
input-trust-keys-ignored = 信頼ファイル内の秘密鍵 { $count } 個を無視しました
