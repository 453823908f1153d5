using Mediator;
using Mediator.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests.BuiltIns.Validation;

/// <summary>The message's own check and its validators add to one collector; any error stops the dispatch with all of them.</summary>
public sealed class ValidationMiddlewareTests
{
    public sealed record Register(string Email, int Age) : IValidatable
    {
        public void Validate(ValidationErrors errors)
        {
            errors.Require(Email.Contains('@'), nameof(Email), "Not an e-mail address.");
            errors.Require(Age >= 18, nameof(Age), "Must be an adult.");
        }
    }

    public sealed record Ping;

    /// <summary>Completes asynchronously, as a validator that queries a database would.</summary>
    private sealed class EmailNotTaken : IValidator<Register>
    {
        public async ValueTask ValidateAsync(Register message, ValidationErrors errors, CancellationToken cancellationToken)
        {
            await Task.Yield();
            errors.Require(message.Email != "taken@example.com", nameof(Register.Email), "Already registered.");
        }
    }

    private sealed class NoReservedNames : IValidator<Register>
    {
        public ValueTask ValidateAsync(Register message, ValidationErrors errors, CancellationToken cancellationToken)
        {
            errors.Require(!message.Email.StartsWith("admin", StringComparison.Ordinal), "", "Reserved name.");
            return default;
        }
    }

    private static async Task<(int Result, int Calls)> Send<T>(ValidationMiddleware<T, int> middleware, T message)
    {
        var calls = 0;
        var result = await middleware.InvokeAsync(message, new TestNext<T, int>((_, _) => new ValueTask<int>(++calls)), new MessageContext(typeof(T), CancellationToken.None));
        return (result, calls);
    }

    private static async Task<ValidationException> Refused<T>(ValidationMiddleware<T, int> middleware, T message)
    {
        var calls = 0;
        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await middleware.InvokeAsync(message, new TestNext<T, int>((_, _) => new ValueTask<int>(++calls)), new MessageContext(typeof(T), CancellationToken.None)));
        Assert.Equal(0, calls);
        return error;
    }

    [Fact]
    public async Task A_valid_message_reaches_the_handler()
    {
        var middleware = new ValidationMiddleware<Register, int>([]);

        Assert.Equal((1, 1), await Send(middleware, new Register("ann@example.com", 30)));
    }

    [Fact]
    public async Task An_invalid_message_is_refused_with_every_error_of_its_own_check()
    {
        var middleware = new ValidationMiddleware<Register, int>([]);

        var error = await Refused(middleware, new Register("nope", 12));

        Assert.Equal(typeof(Register), error.MessageType);
        Assert.Equal([new ValidationError("Email", "Not an e-mail address."), new ValidationError("Age", "Must be an adult.")], error.Errors);
        Assert.Equal("Register is not valid: Email: Not an e-mail address.; Age: Must be an adult.", error.Message);
    }

    [Fact]
    public async Task Errors_of_the_message_and_of_every_validator_are_collected_in_order()
    {
        var middleware = new ValidationMiddleware<Register, int>([new EmailNotTaken(), new NoReservedNames()]);

        var error = await Refused(middleware, new Register("taken@example.com", 12));
        Assert.Equal([new ValidationError("Age", "Must be an adult."), new ValidationError("Email", "Already registered.")], error.Errors);

        var reserved = await Refused(middleware, new Register("admin@example.com", 40));
        Assert.Equal([new ValidationError("", "Reserved name.")], reserved.Errors);

        Assert.Equal((1, 1), await Send(middleware, new Register("ann@example.com", 30)));
    }

    [Fact]
    public async Task A_message_without_checks_or_validators_passes_through()
    {
        var middleware = new ValidationMiddleware<Ping, int>([]);

        Assert.Equal((1, 1), await Send(middleware, new Ping()));
    }

    [Fact]
    public async Task Validators_registered_in_the_container_are_given_to_the_middleware_once_each()
    {
        var services = new ServiceCollection();
        services.AddMediatorValidator<Register, EmailNotTaken>();
        services.AddMediatorValidator<Register, EmailNotTaken>();
        services.AddMediatorValidator<Register, NoReservedNames>(ServiceLifetime.Scoped);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var validators = scope.ServiceProvider.GetServices<IValidator<Register>>().ToArray();
        var middleware = new ValidationMiddleware<Register, int>(validators);

        Assert.Equal(2, validators.Length);
        Assert.Single((await Refused(middleware, new Register("taken@example.com", 30))).Errors);
    }

    /// <summary>An adapter to another library's validators, holding some or none.</summary>
    private sealed class Group(bool empty) : IValidator<Register>, IValidatorGroup
    {
        public bool IsEmpty => empty;

        public int Calls { get; private set; }

        public ValueTask ValidateAsync(Register message, ValidationErrors errors, CancellationToken cancellationToken)
        {
            Calls++;
            errors.Add("Group", "ran");
            return default;
        }
    }

    [Fact]
    public async Task An_empty_validator_group_is_left_out_and_a_non_empty_one_runs()
    {
        var empty = new Group(empty: true);
        var full = new Group(empty: false);
        var middleware = new ValidationMiddleware<Register, int>([empty, new NoReservedNames(), full]);

        var error = await Refused(middleware, new Register("admin@example.com", 40));

        Assert.Equal([new ValidationError("", "Reserved name."), new ValidationError("Group", "ran")], error.Errors);
        Assert.Equal(0, empty.Calls);
        Assert.Equal(1, full.Calls);
    }

    [Fact]
    public async Task Errors_by_member_group_messages_in_order_with_the_whole_message_under_the_empty_key()
    {
        var middleware = new ValidationMiddleware<Register, int>([new EmailNotTaken(), new NoReservedNames()]);

        var error = await Refused(middleware, new Register("admin", 12));

        var byMember = error.ErrorsByMember();
        Assert.Equal(["Email", "Age", ""], byMember.Keys);
        Assert.Equal(["Not an e-mail address."], byMember["Email"]);
        Assert.Equal(["Reserved name."], byMember[""]);
    }
}
