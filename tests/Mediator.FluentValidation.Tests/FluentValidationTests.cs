using FluentValidation;
using Mediator;
using Mediator.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ValidationException = global::Mediator.Validation.ValidationException;

namespace FluentValidationTests;

/// <summary>
/// Issue 21, item 3: the validation built-in runs FluentValidation validators (synchronous and asynchronous rules,
/// scoped validators that query the request's DbContext on SQLite) beside IValidatable and the mediator's own
/// validators, with one exception and one errors shape; registered in one call.
/// </summary>
public sealed class FluentValidationTests : IDisposable
{
    private readonly SqliteMemory _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>What an app writes: its DbContext, a mediator validator, the one FluentValidation call, the mediator.</summary>
    private ServiceProvider App(Action<IServiceCollection>? validation = null)
    {
        var services = new ServiceCollection();
        services.AddDbContext<UsersDb>(options => options.UseSqlite(_database.Connection));
        services.AddScoped<ScopeProbe>();
        services.AddMediatorValidator<Register, NoExampleDomain>();
        if (validation is null)
        {
            services.AddMediatorFluentValidation(typeof(RegisterRules).Assembly);
        }
        else
        {
            validation(services);
        }

        services.AddMediator();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private void Seed(string email)
    {
        using var db = _database.Open();
        db.Users.Add(new User { Email = email });
        db.SaveChanges();
    }

    [Fact]
    public async Task A_valid_message_passes_the_synchronous_and_asynchronous_rules_and_reaches_its_handler()
    {
        using var app = App();
        await using var scope = app.CreateAsyncScope();

        var id = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Register("ann@shop.test", 30, "Ann"));

        var probe = scope.ServiceProvider.GetRequiredService<ScopeProbe>();
        Assert.True(id > 0);
        Assert.Equal(1, probe.HandlerCalls);
        // The scoped validator queried the request's own DbContext: the one the handler then saved through.
        Assert.NotNull(probe.ValidatorDb);
        Assert.Same(probe.HandlerDb, probe.ValidatorDb);
    }

    [Fact]
    public async Task Every_source_reports_into_one_ValidationException_and_the_handler_is_not_called()
    {
        Seed("taken@example.com");
        using var app = App();
        await using var scope = app.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Register("taken@example.com", 12, "")).AsTask());

        // The message's own check first, then the validators in registration order: the mediator's, then FluentValidation's
        // (its synchronous rules and its asynchronous one, which found the address in the database).
        Assert.Equal(
            [
                new ValidationError("Name", "Name is required."),
                new ValidationError("Email", "example.com is not a real domain."),
                new ValidationError("Age", "Must be an adult."),
                new ValidationError("Email", "Already registered."),
            ],
            refused.Errors);
        Assert.Equal(typeof(Register), refused.MessageType);
        Assert.Equal(0, scope.ServiceProvider.GetRequiredService<ScopeProbe>().HandlerCalls);

        // One shape for every source: member -> messages, as ASP.NET Core's ValidationProblemDetails takes it.
        var byMember = refused.ErrorsByMember();
        Assert.Equal(["Name", "Email", "Age"], byMember.Keys);
        Assert.Equal(["example.com is not a real domain.", "Already registered."], byMember["Email"]);
    }

    [Fact]
    public async Task FluentValidations_own_messages_and_property_names_come_through()
    {
        using var app = App();
        await using var scope = app.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Register("not an address", 40, "Bo")).AsTask());

        var error = Assert.Single(refused.Errors);
        Assert.Equal("Email", error.Member);
        Assert.Equal("'Email' is not a valid email address.", error.Message);
    }

    [Fact]
    public async Task A_stream_request_is_checked_by_its_FluentValidation_validator_before_the_first_item()
    {
        using var app = App();
        await using var scope = app.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        await using var refused = mediator.CreateStream(new ListUsers(0)).GetAsyncEnumerator();
        var error = Assert.Single((await Assert.ThrowsAsync<ValidationException>(() => refused.MoveNextAsync().AsTask())).Errors);
        Assert.Equal("PageSize", error.Member);
        Assert.Equal(0, scope.ServiceProvider.GetRequiredService<ScopeProbe>().HandlerCalls);

        await using var accepted = mediator.CreateStream(new ListUsers(10)).GetAsyncEnumerator();
        Assert.True(await accepted.MoveNextAsync());
        Assert.Equal("first", accepted.Current);
    }

    [Fact]
    public async Task A_message_with_no_FluentValidation_validator_keeps_the_path_without_validators()
    {
        using var app = App();
        await using var scope = app.CreateAsyncScope();

        // The adapter is registered for every message (an open generic), Rename included...
        var validators = scope.ServiceProvider.GetServices<global::Mediator.Validation.IValidator<Rename>>().ToList();
        Assert.IsAssignableFrom<IValidatorGroup>(Assert.Single(validators));

        // ...but holds nothing for it, so the middleware leaves it out: no collector, no async path, nothing allocated.
        var middleware = new ValidationMiddleware<Rename, int>(validators);
        var context = new MessageContext(typeof(Rename), default);
        var message = new Rename(1, "x");
        for (var i = 0; i < 10; i++)
        {
            await middleware.InvokeAsync(message, new Answer(), context);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(middleware.InvokeAsync(message, new Answer(), context).IsCompletedSuccessfully);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Validators_the_app_registers_itself_before_or_after_the_adapter_are_run()
    {
        using var app = App(services =>
        {
            services.AddMediatorFluentValidation();
            services.AddMediatorFluentValidation(); // harmless twice
            services.AddValidatorsFromAssemblyContaining<RegisterRules>(ServiceLifetime.Scoped);
        });
        await using var scope = app.CreateAsyncScope();

        Assert.Single(scope.ServiceProvider.GetServices<global::Mediator.Validation.IValidator<Rename>>());
        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Register("zed@shop.test", 3, "Zed")).AsTask());
        Assert.Equal("Age", Assert.Single(refused.Errors).Member);
    }

    [Fact]
    public void A_singleton_validation_middleware_over_scoped_validators_is_refused_when_the_container_validates()
    {
        // What validation.md promises for the mistake it warns about: the generator registers a singleton middleware
        // by its closed type, and the container's own check names the scoped validator it would capture.
        var services = new ServiceCollection();
        services.AddDbContext<UsersDb>(options => options.UseSqlite(_database.Connection));
        services.AddScoped<ScopeProbe>();
        services.AddMediatorFluentValidation(typeof(RegisterRules).Assembly);
        services.AddSingleton<ValidationMiddleware<Register, int>>();

        var refused = Assert.Throws<AggregateException>(() => services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        Assert.Contains("Cannot consume scoped service 'FluentValidation.IValidator`1[FluentValidationTests.Register]' from singleton 'Mediator.Validation.ValidationMiddleware`2[FluentValidationTests.Register,System.Int32]'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_core_packages_do_not_reference_FluentValidation()
    {
        foreach (var assembly in new[] { typeof(ValidationMiddleware<,>).Assembly, typeof(IValidatable).Assembly })
        {
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), name => name.Name!.StartsWith("FluentValidation", StringComparison.Ordinal));
        }
    }

    /// <summary>The handler stand-in: a completed answer, no allocation.</summary>
    private readonly struct Answer : INext<Rename, int>
    {
        public ValueTask<int> InvokeAsync(Rename message, MessageContext context) => new(message.Id);
    }
}
