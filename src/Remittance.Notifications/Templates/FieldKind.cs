namespace Remittance.Notifications.Templates;

internal enum FieldKind
{
    /// <summary>Text: printable with <c>{{x}}</c>, testable with <c>#if</c>.</summary>
    Scalar,

    /// <summary>Properties reached with <c>x.y</c>.</summary>
    Object,

    /// <summary>Objects iterated with <c>#each</c>.</summary>
    List,
}
