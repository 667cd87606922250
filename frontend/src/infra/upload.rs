//! Reading the files a user opens or drops. Text files become text (so they can be edited
//! in the paste area); anything else is kept as bytes (DER, PKCS#7).

use std::rc::Rc;

use gloo_file::futures::read_as_bytes;
use gloo_file::FileList;

use crate::state::Loaded;

/// What the user gave: the text of the text files, and the binary files.
#[derive(Default)]
pub struct Read {
    /// Text files, joined by newlines.
    pub text: String,
    /// The other files.
    pub binary: Vec<Loaded>,
}

/// The files of a `FileList`, taken at once: the list of an `<input type=file>` empties
/// when the input is reset, which happens before the files are read.
pub fn files_of(list: &web_sys::FileList) -> FileList {
    FileList::from(list.clone())
}

/// Reads every file (from an `<input type=file>` or a drop).
pub async fn read_all(files: FileList) -> Read {
    let mut read = Read::default();
    for file in files.iter() {
        let Ok(bytes) = read_as_bytes(file).await else { continue };
        match text_of(bytes) {
            Ok(text) => {
                if !read.text.is_empty() && !read.text.ends_with('\n') {
                    read.text.push('\n');
                }
                read.text.push_str(&text);
            }
            Err(bytes) => read.binary.push(Loaded { name: file.name(), bytes: Rc::new(bytes) }),
        }
    }
    read
}

/// UTF-8 without NUL bytes is text; DER almost always has a NUL or invalid UTF-8.
fn text_of(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if bytes.contains(&0) {
        return Err(bytes);
    }
    String::from_utf8(bytes).map_err(|e| e.into_bytes())
}
