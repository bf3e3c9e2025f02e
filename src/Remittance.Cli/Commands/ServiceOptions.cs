using System.CommandLine;
using Remittance.Workflows.Composition;

namespace Remittance.Cli.Commands;

/// <summary>The --service option: one of the catalog's services.</summary>
public static class ServiceOptions
{
    public static Option<string> Service(string description) => new Option<string>("--service")
    {
        Description = description,
        DefaultValueFactory = _ => ServiceCatalog.Enrichment.Name,
    }.AcceptOnlyFromAmong([.. ServiceCatalog.All.Select(s => s.Name)]);
}
