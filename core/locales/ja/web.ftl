# web: ja
