namespace Remittance.Pipeline.Storage;

/// <summary>What the first write of a remittance found.</summary>
public enum PutOutcome
{
    /// <summary>The item did not exist and is now written.</summary>
    Created,

    /// <summary>An item with the same request ID and the same payload exists: nothing to do.</summary>
    Duplicate,

    /// <summary>An item with the same request ID but a different payload exists; it was not touched.</summary>
    Conflict,
}
