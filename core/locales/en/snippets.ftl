# snippets: en
