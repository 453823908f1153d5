using Mediator.SourceGenerator.Tests.TypeForms;


namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// One type form per case, each compiled through the generator and run (<see cref="TypeFormScenario"/> with a plain
/// request <c>Ask0 : IRequest&lt;T&gt;</c> and stream request <c>Items0 : IStreamRequest&lt;T&gt;</c> as well, but for
/// <c>dynamic</c>), every printed type bound back, and the typed <c>Send</c> checked as text. Before the type printer,
/// <c>int?</c> was written <c>int?&lt;int&gt;</c> and <c>(int, string)</c> <c>(int, string)&lt;int, string&gt;</c>.
/// </summary>
public sealed class TypeFormRegressionTests
{
    private static readonly Dictionary<string, (TypeForm Form, string Expected)> Cases = new()
    {
        ["int?"] = (Forms.NullableValue(Forms.Int), "ValueTask<int?> Send(global::App.Ask0 request"),
        ["(int, string)"] = (Forms.Tuple(new[] { Forms.Int, Forms.String }, new string?[] { null, null }), "ValueTask<(int, string)> Send(global::App.Ask0 request"),
        ["named tuple with a keyword name"] = (Forms.Tuple(new[] { Forms.Int, Forms.String }, new[] { "Id", "@class" }), "ValueTask<(int Id, string @class)> Send(global::App.Ask0 request"),
        ["nine-element tuple"] = (
            Forms.Tuple(new[] { Forms.Int, Forms.String, Forms.Bool, Forms.Decimal, Forms.NInt, Forms.Object, Forms.Int, Forms.String, Forms.Bool }, new string?[] { "a", null, null, null, null, null, null, "h", null }),
            "ValueTask<(int a, string, bool, decimal, nint, object, int, string h, bool)> Send(global::App.Ask0 request"),
        ["int[,]"] = (Forms.Array(Forms.Int, 2), "ValueTask<int[,]> Send(global::App.Ask0 request"),
        ["int[][]"] = (Forms.Array(Forms.Array(Forms.Int, 1), 1), "ValueTask<int[][]> Send(global::App.Ask0 request"),
        ["int[,][]"] = (Forms.Array(Forms.Array(Forms.Int, 1), 2), "ValueTask<int[,][]> Send(global::App.Ask0 request"),
        ["string?[]?[]"] = (Forms.Array(Forms.Annotated(Forms.Array(Forms.Annotated(Forms.String), 1)), 1), "ValueTask<string?[]?[]> Send(global::App.Ask0 request"),
        ["Outer<int>.Inner"] = (Forms.Generics.Single(g => g.Name == "Outer.Inner").Make(Forms.Int), "ValueTask<global::App.Outer<int>.Inner> Send(global::App.Ask0 request"),
        ["Outer<int>.S?"] = (Forms.NullableValue(Forms.Generics.Single(g => g.Name == "Outer.S").Make(Forms.Int)), "ValueTask<global::App.Outer<int>.S?> Send(global::App.Ask0 request"),
        ["Outer<string>.Inner<int?>"] = (Forms.NestedGeneric(Forms.String, Forms.NullableValue(Forms.Int)), "ValueTask<global::App.Outer<string>.Inner<int?>> Send(global::App.Ask0 request"),
        ["dynamic"] = (Forms.Dynamic, "private readonly struct Next0<TMode> : global::Mediator.INext<global::App.Wrap<object>, object>"),
        ["List<dynamic>"] = (Forms.Generics.Single(g => g.Name == "List").Make(Forms.Dynamic), "typeof(global::App.Wrap<global::System.Collections.Generic.List<object>>)"),
        ["nint"] = (Forms.NInt, "ValueTask<nint> Send(global::App.Ask0 request"),
        ["@event"] = (Forms.Event, "ValueTask<global::App.@event> Send(global::App.Ask0 request"),
        ["global-namespace type"] = (Forms.Global, "ValueTask<global::GlobalThing> Send(global::App.Ask0 request"),
        ["string?"] = (Forms.Annotated(Forms.String), "if (type == typeof(global::App.Items0) && typeof(TItem) == typeof(string))"),
        ["List<string?>?"] = (Forms.Annotated(Forms.Generics.Single(g => g.Name == "List").Make(Forms.Annotated(Forms.String))), "ValueTask<global::System.Collections.Generic.List<string?>?> Send(global::App.Ask0 request"),
        ["(int, string)?"] = (Forms.NullableValue(Forms.Tuple(new[] { Forms.Int, Forms.String }, new string?[] { null, null })), "ValueTask<(int, string)?> Send(global::App.Ask0 request"),
        ["referenced generic struct over int?"] = (Forms.Generics.Single(g => g.Name == "Lib.Pair").Make(Forms.NullableValue(Forms.Int)), "ValueTask<global::Lib.Pair<int?>> Send(global::App.Ask0 request"),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_type_form_compiles_binds_back_and_runs(string name)
    {
        var (form, expected) = Cases[name];

        var (failures, run) = await TypeFormVerifier.VerifyAsync(new[] { form }, plainMessages: true);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(run.GeneratedSources, s => s.Text.Contains(expected, StringComparison.Ordinal));
    }
}
