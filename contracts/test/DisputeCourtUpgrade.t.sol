// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {DisputeCourt} from "../src/DisputeCourt.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {DisputeCourtTestBase} from "./utils/DisputeCourtTestBase.sol";
import {UUPSUpgradeChecks} from "./utils/UUPSUpgradeChecks.sol";
import {DisputeCourtV2Mock} from "./mocks/CourtMocks.sol";

/// The shared UUPS rules plus state preservation: disputes in every period, locks, credits,
/// the sum tree and the parameters survive an upgrade, and open disputes finish under V2.
contract DisputeCourtUpgradeTest is DisputeCourtTestBase, UUPSUpgradeChecks {
    DisputeCourtV2Mock internal v2Implementation;

    uint256 internal executed; // ruled for the buyer, credits paid out partly
    uint256 internal inCommit; // drawn, one juror committed
    uint256 internal inAppeal; // ruled for the seller, window open
    uint256 internal inEvidence; // waiting for its draw

    function _newV1Implementation() internal override returns (address) {
        return address(new DisputeCourt());
    }

    function setUp() public {
        _deployCourtDefault();
        _bench(6, MIN_STAKE);
        v2Implementation = new DisputeCourtV2Mock();
        address[] memory nonUpgraders = new address[](4);
        nonUpgraders[0] = stranger;
        nonUpgraders[1] = address(market);
        nonUpgraders[2] = jurors[0];
        nonUpgraders[3] = courtTreasury;
        _useUpgradeChecks(
            address(courtProxy),
            address(courtImplementation),
            address(v2Implementation),
            admin,
            carol,
            nonUpgraders,
            abi.encodeCall(DisputeCourt.initialize, (stranger, _params()))
        );
    }

    /// A court with a dispute in several periods, locks, credits and changed parameters.
    function _populate() internal {
        (, executed) = _openDispute();
        _advance(executed);
        _voteAll(executed, 1);
        _advance(executed);
        address paid = _drawn(executed)[0];
        vm.prank(paid);
        courtProxy.withdraw();

        (, inAppeal) = _openDispute();
        (, inCommit) = _openDispute();
        _advance(inAppeal);
        courtProxy.advance(inCommit);
        _voteAll(inAppeal, 2);
        _commit(_drawn(inCommit)[0], inCommit, 1);
        (, inEvidence) = _openDispute();
        _stake(jurors[5], 3 ether);

        vm.startPrank(admin);
        courtProxy.setFeePerSeat(0.02 ether);
        courtProxy.setDurations(2 hours, 3 hours, 4 hours, 5 hours);
        vm.stopPrank();
    }

    function _jurorsSnapshot() internal view returns (bytes memory out) {
        for (uint256 i; i < jurors.length; ++i) {
            out = abi.encode(out, courtProxy.jurorOf(jurors[i]));
        }
        out = abi.encode(out, courtProxy.jurorOf(courtTreasury));
    }

    function _snapshot() internal view returns (bytes memory) {
        bytes memory disputes;
        for (uint256 id = 1; id <= courtProxy.disputeCount(); ++id) {
            DisputeCourt.DisputeView memory d = courtProxy.getDispute(id);
            disputes = abi.encode(disputes, d, courtProxy.getRound(id, d.round));
        }
        return abi.encode(
            disputes,
            _jurorsSnapshot(),
            courtProxy.params(),
            abi.encode(
                courtProxy.disputeCount(),
                courtProxy.totalStaked(),
                courtProxy.heldFees(),
                courtProxy.totalCredits(),
                courtProxy.totalDrawWeight()
            ),
            address(courtProxy).balance
        );
    }

    function _upgradeToV2() internal returns (DisputeCourtV2Mock v2) {
        vm.prank(admin);
        courtProxy.upgradeToAndCall(address(v2Implementation), "");
        v2 = DisputeCourtV2Mock(payable(address(courtProxy)));
    }

    function test_upgrade_toV2KeepsAllState() public {
        _populate();
        bytes memory before = _snapshot();
        vm.expectEmit(address(courtProxy));
        emit IERC1967.Upgraded(address(v2Implementation));
        DisputeCourtV2Mock v2 = _upgradeToV2();
        assertEq(v2.version(), "2");
        assertEq(_implementationOf(address(courtProxy)), address(v2Implementation));
        assertEq(keccak256(_snapshot()), keccak256(before), "disputes, rounds, jurors, parameters unchanged");
        assertTrue(v2.hasRole(0x00, admin));
        assertTrue(v2.hasRole(v2.GOVERNOR_ROLE(), admin));
        assertTrue(v2.hasRole(v2.UPGRADER_ROLE(), admin));
    }

    function test_upgrade_openDisputesFinishAfterUpgrade() public {
        _populate();
        _upgradeToV2();
        uint256 orderCommit = market.orderOfDispute(address(courtProxy), inCommit);
        uint256 orderAppeal = market.orderOfDispute(address(courtProxy), inAppeal);
        uint256 orderEvidence = market.orderOfDispute(address(courtProxy), inEvidence);

        // The committed vote is revealed under V2.
        address[] memory drawn = _drawn(inCommit);
        for (uint256 i = 1; i < drawn.length; ++i) {
            _commit(drawn[i], inCommit, 1);
        }
        courtProxy.advance(inCommit);
        for (uint256 i; i < drawn.length; ++i) {
            _reveal(drawn[i], inCommit, 1);
        }
        courtProxy.advance(inCommit);
        _advance(inCommit);
        _advance(inAppeal);
        _advance(inEvidence);
        _voteAll(inEvidence, 0);
        _advance(inEvidence);

        assertEq(uint8(market.getOrder(orderCommit).ruling), uint8(IMarketplace.Ruling.Buyer));
        assertEq(uint8(market.getOrder(orderAppeal).ruling), uint8(IMarketplace.Ruling.Seller));
        assertEq(uint8(market.getOrder(orderEvidence).ruling), uint8(IMarketplace.Ruling.Refused));
        assertEq(courtProxy.heldFees(), 0);
        for (uint256 i; i < jurors.length; ++i) {
            assertEq(courtProxy.jurorOf(jurors[i]).locked, 0);
        }
        assertEq(address(courtProxy).balance, _owed());

        // Everyone leaves with everything.
        for (uint256 i; i < jurors.length; ++i) {
            DisputeCourt.JurorView memory v = courtProxy.jurorOf(jurors[i]);
            vm.startPrank(jurors[i]);
            courtProxy.unstake(v.stake);
            if (v.withdrawable != 0) courtProxy.withdraw();
            vm.stopPrank();
        }
        vm.prank(courtTreasury);
        if (courtProxy.jurorOf(courtTreasury).withdrawable != 0) courtProxy.withdraw();
        assertEq(address(courtProxy).balance, 0);
    }
}
