// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Reputation} from "../../src/Reputation.sol";
import {IMarketplace} from "../../src/interfaces/IMarketplace.sol";
import {MarketplaceMock} from "../mocks/MarketplaceMock.sol";

/// Shared deployment and helpers for the Reputation test suites. The Marketplace is a
/// MarketplaceMock behind an ERC1967Proxy (as the real, UUPS Marketplace is) holding MARKET_ROLE;
/// `court` holds COURT_ROLE.
abstract contract ReputationTestBase is Test {
    uint256 internal constant START = 1_700_000_000;
    string internal constant REVIEW_URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

    Reputation internal reputation;
    Reputation internal implementation;
    MarketplaceMock internal market;

    address internal admin = makeAddr("admin");
    address internal court = makeAddr("court");
    address internal alice = makeAddr("alice"); // sells
    address internal bob = makeAddr("bob"); // buys
    address internal carol = makeAddr("carol");
    address internal dave = makeAddr("dave");
    address internal stranger = makeAddr("stranger");

    function _deployReputation(address admin_, address market_) internal returns (Reputation impl, Reputation proxy) {
        impl = new Reputation();
        proxy = Reputation(
            address(new ERC1967Proxy(address(impl), abi.encodeCall(Reputation.initialize, (admin_, market_))))
        );
    }

    function _deployDefault() internal {
        vm.warp(START);
        // OZ 5.7's ERC1967Proxy wants initialization data: a harmless read will do.
        market = MarketplaceMock(
            address(new ERC1967Proxy(address(new MarketplaceMock()), abi.encodeCall(MarketplaceMock.getOrder, (0))))
        );
        (implementation, reputation) = _deployReputation(admin, address(market));
        market.setReputation(reputation);
        bytes32 courtRole = reputation.COURT_ROLE();
        vm.prank(admin);
        reputation.grantRole(courtRole, court);
    }

    /// A Settled order reported to Reputation (seller earns XP).
    function _settled(address buyer, address seller, uint128 price) internal returns (uint256) {
        return market.createSettled(buyer, seller, price);
    }

    /// An order stored in `state` without any Reputation call.
    function _order(address buyer, address seller, IMarketplace.OrderState state, IMarketplace.Ruling ruling)
        internal
        returns (uint256)
    {
        return market.create(buyer, seller, 0.1 ether, state, ruling);
    }

    function _rate(address buyer, uint256 orderId, uint8 stars) internal {
        vm.prank(buyer);
        reputation.rate(orderId, stars, REVIEW_URI);
    }

    function _repeat(bytes1 char, uint256 length) internal pure returns (string memory) {
        bytes memory out = new bytes(length);
        for (uint256 i; i < length; ++i) {
            out[i] = char;
        }
        return string(out);
    }
}
