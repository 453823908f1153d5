using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// The checks of calls against the whole program this project sees (its resolved pipelines and the modules it composes):
/// MED0044, <c>AddMediator()</c> where no mediator is generated; MED0045/MED0046, a request or stream request sent and
/// handled nowhere; MED0047, a module's <c>RegisterModule</c> called by hand. Positions come with the calls, taken in the
/// current syntax trees, so these diagnostics are reported against the current compilation.
/// </summary>
internal static class CallSiteChecks
{
    /// <param name="calls">The calls found in this project's code.</param>
    /// <param name="own">This project's pipelines; null when resolving them failed (MED0003 says so elsewhere).</param>
    /// <param name="composition">The referenced modules and what each handles.</param>
    /// <param name="mediator">This project's mediator name; null when it is invalid or clashes (MED0035, MED0036).</param>
    /// <param name="assemblyName">This project's assembly, for the messages.</param>
    /// <param name="isApplication">
    /// An executable: the composition root, which nothing composes further, so a message handled nowhere is an error
    /// (MED0045). In a library a host may handle it in a project this one does not reference: a warning (MED0046).
    /// </param>
    /// <param name="composesModules">
    /// False under <c>&lt;MediatorComposeModules&gt;false&lt;/MediatorComposeModules&gt;</c>: MED0045/MED0046 then say so,
    /// as the message may be handled in a reference that is not composed.
    /// </param>
    public static EquatableArray<DiagnosticInfo> Find(
        EquatableArray<CallSite> calls,
        ResolvedPipelines? own,
        Composition composition,
        MediatorName? mediator,
        string assemblyName,
        bool isApplication,
        bool composesModules = true)
    {
        if (calls.Count == 0 || own is null)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var hasMediator = mediator is not null && (own.Requests.Count + own.Streams.Count + own.Notifications.Count > 0 || !composition.IsEmpty);
        var handled = hasMediator ? new HandledMessages(own, composition) : null;
        foreach (var call in calls)
        {
            switch (call.Kind)
            {
                case CallSiteKind.Registration when mediator is not null && !hasMediator && call.Method == mediator.RegistrationMethod:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RegistrationWithoutMediator, call.Location, call.Method, assemblyName));
                    break;
                case CallSiteKind.ModuleRegistration:
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.ModuleRegisteredDirectly,
                        call.Location,
                        call.Method,
                        mediator?.RegistrationMethod ?? "Add" + MediatorName.DefaultClassName,
                        call.ReceiverName ?? string.Empty));
                    break;
                case CallSiteKind.Send or CallSiteKind.CreateStream when handled is not null && IsThisMediators(call, mediator!) && call.Argument is { } message:
                    if (!handled.Handles(call))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            isApplication ? DiagnosticDescriptors.SentAndHandledNowhere : DiagnosticDescriptors.SentAndHandledNowhereInLibrary,
                            call.Location,
                            call.Kind == CallSiteKind.Send ? "Request" : "Stream request",
                            message,
                            assemblyName,
                            !composesModules ? NotComposing
                                : composition.IsEmpty ? string.Empty
                                : " ('" + string.Join("', '", composition.Modules.Select(m => m.AssemblyName)) + "')",
                            "this " + call.Method));
                    }

                    break;
            }
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>What MED0045/MED0046 add when this project does not compose its references: how to compose them.</summary>
    private const string NotComposing = " that it composes (<" + Parsing.CompositionSettingReader.ComposeModulesProperty + ">false</"
        + Parsing.CompositionSettingReader.ComposeModulesProperty + "> in this project keeps it to its own handlers: remove that setting, or set it to true, to compose the handlers of the projects it references)";

    /// <summary>
    /// Whether the call reaches a mediator this project composes: <c>ISender</c>/<c>IMediator</c> (registered by this
    /// project's <c>AddMediator()</c>), a module's mediator, or this project's own, which is not generated yet when the
    /// call is read and is recognised by the name it is written with.
    /// </summary>
    private static bool IsThisMediators(CallSite call, MediatorName mediator)
        => call.Receiver != CallReceiver.Unbound
            || call.ReceiverName == mediator.ClassName
            || call.ReceiverName == mediator.PlainClassName
            || call.ReceiverName == mediator.Namespace + "." + mediator.ClassName;
}
