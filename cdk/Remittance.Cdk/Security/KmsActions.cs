namespace Remittance.Cdk.Security;

/// <summary>
/// The KMS actions each use of a customer-managed key needs, spelled out: CDK's grant helpers add wildcard actions
/// (<c>kms:GenerateDataKey*</c>, <c>kms:ReEncrypt*</c>) that none of these uses require.
/// </summary>
public static class KmsActions
{
    public const string Decrypt = "kms:Decrypt";
    public const string DescribeKey = "kms:DescribeKey";
    public const string Encrypt = "kms:Encrypt";
    public const string GenerateDataKey = "kms:GenerateDataKey";

    /// <summary>Reading items of a table encrypted with the key.</summary>
    public static readonly string[] TableRead = [Decrypt, DescribeKey];

    /// <summary>Reading and writing items of a table encrypted with the key.</summary>
    public static readonly string[] TableWrite = [Decrypt, DescribeKey, Encrypt, GenerateDataKey];

    /// <summary>Sending to an SQS queue or publishing to an SNS topic encrypted with the key (data key, then its use).</summary>
    public static readonly string[] Produce = [GenerateDataKey, Decrypt];

    /// <summary>Receiving from an SQS queue or reading a stream encrypted with the key.</summary>
    public static readonly string[] Consume = [Decrypt];
}
