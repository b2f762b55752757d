//! Binding of regplan (work in progress).
