# Java: import the CA certificates of {{comment:host}} into the JDK's cacerts (JDK 9 and later).
# keytool keeps one certificate per alias and reads only the first certificate of a file,
# so the CA file is split and each certificate gets its own alias.
dir=$(mktemp -d)
{{code:split}}
for cert in "$dir"/*.crt; do
  sudo keytool -importcert -noprompt -cacerts -storepass changeit \
    -alias "$(basename "$cert" .crt)" -file "$cert"
done
rm -r "$dir"
# Check: the aliases are listed.
keytool -list -cacerts -storepass changeit | grep -F {{sh:alias_prefix}}
