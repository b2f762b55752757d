//! The credentials environment of the CLI tests, read from each provider's
//! declaration (`Provider::credentials`) so that a new provider needs no
//! edit here.

use regplan::Provider;

/// Every variable any provider reads credentials from (each once).
pub fn declared_variables() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = regplan::providers()
        .iter()
        .flat_map(|p| p.credentials)
        .flat_map(|accepts| accepts.env.iter().map(|(_, variable)| *variable))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// For every provider, the required variables of its first credential type:
/// `secret` for each member the core masks, `AK` for the others (an access
/// key id is sent in clear, so it must not hold the searched-for secret).
pub fn first_credentials_env(secret: &str) -> Vec<(&'static str, String)> {
    regplan::providers()
        .iter()
        .flat_map(|provider| first_type_env(provider, secret))
        .collect()
}

fn first_type_env(provider: &Provider, secret: &str) -> Vec<(&'static str, String)> {
    let accepts = provider
        .credentials
        .first()
        .expect("a provider takes credentials");
    let variables: Vec<(&'static str, &'static str)> = accepts.required().collect();
    let lookup = |name: &str| {
        variables
            .iter()
            .any(|(_, variable)| *variable == name)
            .then(|| secret.to_owned())
    };
    let (_, masked) = regplan::interop::credentials_from_env_value(provider.id, lookup)
        .expect("a provider id")
        .expect("every required variable is set");
    variables
        .iter()
        .map(|(member, variable)| {
            let value = if masked[member] == regplan::MASK {
                secret
            } else {
                "AK"
            };
            (*variable, value.to_owned())
        })
        .collect()
}
