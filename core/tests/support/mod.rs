//! Code shared by the integration tests. Each test crate uses part of it,
//! so what one of them leaves unused is not dead code.
#![allow(dead_code)]
pub mod vectors;
