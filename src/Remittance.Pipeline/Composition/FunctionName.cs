namespace Remittance.Pipeline.Composition;

/// <summary>The functions this code base deploys; the Lambda handler string (_HANDLER) names one of them.</summary>
public enum FunctionName
{
    Ingest,
    Stream,
}
