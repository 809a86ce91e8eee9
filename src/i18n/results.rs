//! The words of the results, minutes, verify and merge pages, in Vietnamese and English.
