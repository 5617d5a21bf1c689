// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {CollaboratorRegistry} from "../../src/CollaboratorRegistry.sol";

/// A contract collaborator that can act on the registry itself (join, leave, withdraw, claim).
abstract contract RegistryMember {
    CollaboratorRegistry public immutable registry;

    constructor(CollaboratorRegistry registry_) {
        registry = registry_;
    }

    function join(uint8 kinds) external payable {
        registry.join{value: msg.value}(kinds, "contract member", "", "", bytes32(0));
    }

    function leave() external {
        registry.leave();
    }

    function withdraw() external {
        registry.withdraw();
    }

    function claim() external {
        registry.claim();
    }
}

/// Refuses ETH while `accepting` is false.
contract RejectingReceiver is RegistryMember {
    bool public accepting;

    constructor(CollaboratorRegistry registry_) RegistryMember(registry_) {}

    function setAccepting(bool accepting_) external {
        accepting = accepting_;
    }

    receive() external payable {
        require(accepting, "no ETH please");
    }
}

/// On receiving ETH, calls back into the registry once (withdraw or claim). With `swallow` it
/// catches the re-entrant call's failure and keeps the payment; otherwise it bubbles it up.
contract ReentrantReceiver is RegistryMember {
    enum Target {
        None,
        Withdraw,
        Claim
    }

    Target public target;
    bool public swallow;
    bool public reentered;
    bool public reentrySucceeded;
    bytes public reentryError;
    uint256 public received;
    uint256 public payments;

    constructor(CollaboratorRegistry registry_) RegistryMember(registry_) {}

    function arm(Target target_, bool swallow_) external {
        target = target_;
        swallow = swallow_;
    }

    receive() external payable {
        received += msg.value;
        payments += 1;
        if (target == Target.None || reentered) return;
        reentered = true;
        bytes memory data = target == Target.Withdraw
            ? abi.encodeCall(CollaboratorRegistry.withdraw, ())
            : abi.encodeCall(CollaboratorRegistry.claim, ());
        (bool ok, bytes memory ret) = address(registry).call(data);
        if (ok) {
            reentrySucceeded = true;
            return;
        }
        reentryError = ret;
        if (!swallow) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}
