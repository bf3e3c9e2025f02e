namespace Remittance.Aws.Runtime;

/// <summary>Lets the JSON converter create a constant from its wire value without reflection.</summary>
public interface IAwsConstant<out TSelf>
    where TSelf : AwsConstant
{
    static abstract TSelf FindValue(string value);
}
