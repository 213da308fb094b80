// FhirGateway.Validation: compiled profile schemas and the validator (see README, "Validation").
