# snippets: ja
