// STUB: replaced by the suggestion engine (helper). Signatures are the contract; see the brief.
export {};
