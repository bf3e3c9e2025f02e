using Remittance.Notifications.Locales;
using Remittance.Notifications.Templates;
using Remittance.Notifications.Tests.Support;

namespace Remittance.Notifications.Tests;

public sealed class TemplateModelTests
{
    public static TheoryData<string> SampleSources => [.. SampleRemittances.All().Select(s => s.Source)];

    [Theory]
    [MemberData(nameof(SampleSources))]
    public void Build_ForEverySample_HasExactlyTheShapeTemplatesAreCheckedAgainst(string source)
    {
        var model = TemplateModel.Build(SampleRemittances.Sample(source), LocaleTag.English);

        AssertShape(TemplateModel.Shape, model, "$");
    }

    private static void AssertShape(ModelShape shape, ObjectValue value, string path)
    {
        Assert.Equal(shape.Fields.Keys.Order(StringComparer.Ordinal), value.Fields.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, field) in shape.Fields)
        {
            var actual = value.Fields[name];
            switch (field.Kind)
            {
                case FieldKind.Scalar:
                    Assert.IsType<ScalarValue>(actual);
                    break;
                case FieldKind.Object:
                    AssertShape(field.Shape!, Assert.IsType<ObjectValue>(actual), path + "." + name);
                    break;
                case FieldKind.List:
                    var list = Assert.IsType<ListValue>(actual);
                    Assert.NotEmpty(list.Items);
                    foreach (var item in list.Items)
                    {
                        AssertShape(field.Shape!, item, path + "." + name + "[]");
                    }

                    break;
            }
        }
    }
}
