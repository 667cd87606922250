# web: en
