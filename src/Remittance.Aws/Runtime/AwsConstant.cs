namespace Remittance.Aws.Runtime;

/// <summary>
/// A string enumeration value, like the SDK's ConstantClass: compares by value, converts to and from string, and
/// keeps values this code does not know yet instead of failing on them.
/// </summary>
public abstract class AwsConstant(string value) : IEquatable<AwsConstant>
{
    public string Value { get; } = value;

    public static implicit operator string?(AwsConstant? constant) => constant?.Value;

    public static bool operator ==(AwsConstant? left, AwsConstant? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(AwsConstant? left, AwsConstant? right) => !(left == right);

    public bool Equals(AwsConstant? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is AwsConstant other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
